import express from "express";

import { requireAuth } from "./middleware/auth.js";
import { adminRouter } from "./routes/admin.js";
import { ordersRouter } from "./routes/orders.js";
import { usersRouter } from "./routes/users.js";

const app = express();
app.use(express.json());

app.use("/api", usersRouter);
app.use("/api", requireAuth, ordersRouter);
app.use("/api", requireAuth, adminRouter);

app.use((err: Error, req: express.Request, res: express.Response, next: express.NextFunction) => {
  res.status(500).json({ message: err.message, stack: err.stack });
});

app.listen(3000, () => {
  console.log("Server running on http://localhost:3000");
});
