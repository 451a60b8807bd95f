import type { Request, Response } from "express";

import { query } from "../db.js";
import { logger } from "../logger.js";

export async function listUsers(req: Request, res: Response) {
  const users = await query("select id, email, name from users order by id limit $1", [req.query.limit]);
  res.json(users);
}

export async function deleteUser(req: Request, res: Response) {
  await query("delete from users where id = $1", [req.params.id]);
  logger.warn(`Admin deleted user ${req.params.id}`);
  res.status(204).end();
}
