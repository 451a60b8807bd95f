import { Router } from "express";
import jwt from "jsonwebtoken";

import { config } from "../config.js";
import { query } from "../db.js";

export const usersRouter = Router();

interface User {
  id: number;
  email: string;
  name: string;
}

usersRouter.get("/users", async (req, res) => {
  try {
    const users = await query<User>("select id, email, name from users");
    res.json(users);
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: (err as Error).message });
  }
});

usersRouter.post("/users", async (req, res) => {
  try {
    const { email, name, password } = req.body;
    const [user] = await query<User>("insert into users (email, name, password) values ($1, $2, $3) returning *", [
      email.toLowerCase(),
      name,
      password,
    ]);
    const token = jwt.sign({ sub: user?.id }, config.jwtSecret);
    res.status(201).json({ user, token });
  } catch (err) {
    res.status(500).json({ error: "Something went wrong", details: err });
  }
});

usersRouter.delete("/users/:id", async (req, res) => {
  await query("delete from users where id = $1", [req.params.id]);
  res.status(204).end();
});
