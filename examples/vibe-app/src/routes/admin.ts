import { Router } from "express";

import { deleteUser, listUsers } from "../controllers/admin.js";

export const adminRouter = Router();

adminRouter.get("/admin/users", listUsers);
adminRouter.delete("/admin/users/:id", deleteUser);
