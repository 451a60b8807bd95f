import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import rule from "../../src/rules/no-unvalidated-input.js";
import { lintWithFix } from "../utils/lint-with-fix.js";
import { createRuleTester, files } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";

const ruleTester = createRuleTester();
const lines = (...parts: string[]) => parts.join("\n");

const strict = {
  sources: ["body", "query", "params", "headers"] as ("body" | "query" | "params" | "headers")[],
  checkUnregisteredHandlers: true,
};
const zodSettings = { harden: { validation: { library: "zod" } } };
const valibotSettings = { harden: { validation: { library: "valibot" } } };

/** `@hono/zod-validator` is not a dev dependency: a stand-in with its real signature's shape, for type-checking. */
const zodValidatorTypes = lines(
  'declare module "@hono/zod-validator" {',
  '  import type { Env, MiddlewareHandler, ValidationTargets } from "hono";',
  '  import type { z } from "zod";',
  "  export function zValidator<Target extends keyof ValidationTargets, T extends z.ZodType, E extends Env = Env, P extends string = string>(",
  "    target: Target,",
  "    schema: T,",
  "  ): MiddlewareHandler<E, P, { in: { [K in Target]: z.input<T> }; out: { [K in Target]: z.output<T> } }>;",
  "}",
);

// ---------------------------------------------------------------- Express

const expressDestructure = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "app.use(express.json());",
  'app.post("/users", async (req, res) => {',
  "  const { email, password, name } = req.body;",
  '  if (email.toLowerCase().endsWith("@example.com")) return res.status(403).end();',
  "  res.status(201).json({ email, name, hasPassword: password !== undefined });",
  "});",
  "export default app;",
);
const expressDestructureFixed = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "app.use(express.json());",
  "const CreateUserBody = z.object({",
  "  email: z.string(),",
  "  password: z.string().optional(),",
  "  name: z.string(),",
  "});",
  "",
  'app.post("/users", async (req, res) => {',
  "  const { email, password, name } = CreateUserBody.parse(req.body);",
  '  if (email.toLowerCase().endsWith("@example.com")) return res.status(403).end();',
  "  res.status(201).json({ email, name, hasPassword: password !== undefined });",
  "});",
  "export default app;",
);

const expressMembers = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "declare function login(email: string, password: unknown): Promise<{ token: string }>;",
  'app.post("/login", async (req, res) => {',
  '  if (req.body.remember === true) res.cookie("remember", "1");',
  "  const session = await login(req.body.email.trim(), req.body.password);",
  "  res.json(session);",
  "});",
  "export default app;",
);
const expressMembersFixed = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "declare function login(email: string, password: unknown): Promise<{ token: string }>;",
  "const LoginBody = z.object({ remember: z.boolean(), email: z.string(), password: z.string() });",
  "",
  'app.post("/login", async (req, res) => {',
  "  const body = LoginBody.parse(req.body);",
  '  if (body.remember === true) res.cookie("remember", "1");',
  "  const session = await login(body.email.trim(), body.password);",
  "  res.json(session);",
  "});",
  "export default app;",
);

const expressCast = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "interface CreatePostInput { title: string; tags?: string[]; views: number }",
  "declare function savePost(input: CreatePostInput): Promise<void>;",
  'app.post("/posts", async (req, res) => {',
  "  const input = req.body as CreatePostInput;",
  "  await savePost(input);",
  "  res.status(201).end();",
  "});",
  "export default app;",
);
const expressCastFixed = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "interface CreatePostInput { title: string; tags?: string[]; views: number }",
  "declare function savePost(input: CreatePostInput): Promise<void>;",
  "const CreatePostBody = z.object({",
  "  title: z.string(),",
  "  tags: z.array(z.string()).optional(),",
  "  views: z.number(),",
  "});",
  "",
  'app.post("/posts", async (req, res) => {',
  "  const input = CreatePostBody.parse(req.body);",
  "  await savePost(input);",
  "  res.status(201).end();",
  "});",
  "export default app;",
);

const expressGeneric = lines(
  'import express, { type Request, type Response } from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "type ResetBody = { email: string; code: string };",
  'app.post("/password-resets", async (req: Request<{}, {}, ResetBody>, res: Response) => {',
  "  const { email } = req.body;",
  "  res.json({ sent: email.length > 0 });",
  "});",
  "export default app;",
);
const expressGenericFixed = lines(
  'import express, { type Request, type Response } from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "type ResetBody = { email: string; code: string };",
  "const CreatePasswordResetBody = z.object({ email: z.string(), code: z.string() });",
  "",
  'app.post("/password-resets", async (req: Request<{}, {}, ResetBody>, res: Response) => {',
  "  const { email } = CreatePasswordResetBody.parse(req.body);",
  "  res.json({ sent: email.length > 0 });",
  "});",
  "export default app;",
);

const expressAlias = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "declare const db: { orders: { insert(row: object): Promise<void> } };",
  'app.post("/orders", async (req, res) => {',
  "  const body = req.body;",
  "  await db.orders.insert({ sku: body.sku, quantity: body.quantity * 1, address: { city: body.address.city } });",
  "  res.status(201).end();",
  "});",
  "export default app;",
);
const expressAliasFixed = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "declare const db: { orders: { insert(row: object): Promise<void> } };",
  "const CreateOrderBody = z.object({",
  "  sku: z.string(),",
  "  quantity: z.number(),",
  "  address: z.object({",
  "    city: z.string(),",
  "  }),",
  "});",
  "",
  'app.post("/orders", async (req, res) => {',
  "  const body = CreateOrderBody.parse(req.body);",
  "  await db.orders.insert({ sku: body.sku, quantity: body.quantity * 1, address: { city: body.address.city } });",
  "  res.status(201).end();",
  "});",
  "export default app;",
);

const expressQuery = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "declare const User: { find(filter: object): Promise<unknown[]> };",
  'app.get("/users", async (req, res) => {',
  "  const users = await User.find({ email: req.query.email, role: req.query.role });",
  "  res.json(users);",
  "});",
  "export default app;",
);
const expressQueryFixed = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "declare const User: { find(filter: object): Promise<unknown[]> };",
  "const ListUsersQuery = z.object({ email: z.string(), role: z.string() });",
  "",
  'app.get("/users", async (req, res) => {',
  "  const query = ListUsersQuery.parse(req.query);",
  "  const users = await User.find({ email: query.email, role: query.role });",
  "  res.json(users);",
  "});",
  "export default app;",
);

const expressNestedBlock = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "declare function audit(action: string): void;",
  'app.put("/settings/:id", (req, res) => {',
  '  audit("settings");',
  "  if (req.body.theme) {",
  "    res.json({ theme: req.body.theme.toUpperCase(), size: req.body.size - 0 });",
  "  }",
  "});",
  "export default app;",
);
const expressNestedBlockFixed = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "declare function audit(action: string): void;",
  "const UpdateSettingBody = z.object({ theme: z.string().optional(), size: z.number() });",
  "",
  'app.put("/settings/:id", (req, res) => {',
  '  audit("settings");',
  "  const body = UpdateSettingBody.parse(req.body);",
  "  if (body.theme) {",
  "    res.json({ theme: body.theme.toUpperCase(), size: body.size - 0 });",
  "  }",
  "});",
  "export default app;",
);

const expressNamedHandler = lines(
  'import { Router } from "express";',
  'import { z } from "zod";',
  "declare function asyncHandler<T>(fn: T): T;",
  "export const router = Router();",
  "const CreateUserBody = z.object({ id: z.string() });",
  "const createUser = asyncHandler(async (req, res) => {",
  "  res.json({ email: req.body.email.toLowerCase() });",
  "});",
  'router.post("/", createUser);',
);
const expressNamedHandlerFixed = lines(
  'import { Router } from "express";',
  'import { z } from "zod";',
  "declare function asyncHandler<T>(fn: T): T;",
  "export const router = Router();",
  "const CreateUserBody = z.object({ id: z.string() });",
  "const CreateUserBody2 = z.object({ email: z.string() });",
  "",
  "const createUser = asyncHandler(async (req, res) => {",
  "  res.json({ email: CreateUserBody2.parse(req.body).email.toLowerCase() });",
  "});",
  'router.post("/", createUser);',
);

const expressCjs = lines(
  'const express = require("express");',
  'const { z } = require("zod");',
  "const app = express();",
  'app.post("/comments", (req, res) => {',
  "  const { text } = req.body;",
  "  res.json({ text: text.trim() });",
  "});",
  "module.exports = app;",
);
const expressCjsFixed = lines(
  'const express = require("express");',
  'const { z } = require("zod");',
  "const app = express();",
  "const CreateCommentBody = z.object({ text: z.string() });",
  "",
  'app.post("/comments", (req, res) => {',
  "  const { text } = CreateCommentBody.parse(req.body);",
  "  res.json({ text: text.trim() });",
  "});",
  "module.exports = app;",
);

const expressNoLibrary = lines(
  'import express from "express";',
  "const app = express();",
  'app.post("/users", async (req, res) => {',
  "  const { email } = req.body;",
  "  res.json({ email: email.trim() });",
  "});",
  "export default app;",
);
const expressNoLibraryZodFixed = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "const CreateUserBody = z.object({ email: z.string() });",
  "",
  'app.post("/users", async (req, res) => {',
  "  const { email } = CreateUserBody.parse(req.body);",
  "  res.json({ email: email.trim() });",
  "});",
  "export default app;",
);
const expressNoLibraryValibotFixed = lines(
  'import express from "express";',
  'import * as v from "valibot";',
  "const app = express();",
  "const CreateUserBody = v.object({ email: v.string() });",
  "",
  'app.post("/users", async (req, res) => {',
  "  const { email } = v.parse(CreateUserBody, req.body);",
  "  res.json({ email: email.trim() });",
  "});",
  "export default app;",
);

const expressMassAssignment = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "declare const User: { create(data: unknown): Promise<unknown>; update(id: string, data: unknown): Promise<unknown> };",
  'app.patch("/users/:id", async (req, res) => {',
  "  res.json(await User.update(req.params.id, req.body));",
  "});",
  "export default app;",
);

// Field types from how the handler uses each field, never `unknown` for a field it passes on.
const expressLogin = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "app.use(express.json());",
  "declare const db: { users: { findOne(filter: { email: string }): Promise<{ id: string; passwordHash: string } | null> } };",
  "declare function verifyPassword(password: string, hash: string): Promise<boolean>;",
  'app.post("/login", async (req, res) => {',
  "  const { email, password } = req.body;",
  "  const user = await db.users.findOne({ email });",
  '  if (!user || !(await verifyPassword(password, user.passwordHash))) return res.status(401).json({ error: "invalid credentials" });',
  "  res.json({ id: user.id });",
  "});",
  "export default app;",
);
const expressLoginFixed = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "app.use(express.json());",
  "declare const db: { users: { findOne(filter: { email: string }): Promise<{ id: string; passwordHash: string } | null> } };",
  "declare function verifyPassword(password: string, hash: string): Promise<boolean>;",
  "const LoginBody = z.object({ email: z.string(), password: z.string() });",
  "",
  'app.post("/login", async (req, res) => {',
  "  const { email, password } = LoginBody.parse(req.body);",
  "  const user = await db.users.findOne({ email });",
  '  if (!user || !(await verifyPassword(password, user.passwordHash))) return res.status(401).json({ error: "invalid credentials" });',
  "  res.json({ id: user.id });",
  "});",
  "export default app;",
);

const expressSignup = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "app.use(express.json());",
  "declare function createAccount(email: string, age: number, name: string): Promise<{ id: string }>;",
  'app.post("/signup", async (req, res) => {',
  "  const { email, age, name } = req.body;",
  '  if (name === undefined) return res.status(400).json({ error: "name is required" });',
  "  const account = await createAccount(email, age, name);",
  "  res.status(201).json(account);",
  "});",
  "export default app;",
);
const expressSignupFixed = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "app.use(express.json());",
  "declare function createAccount(email: string, age: number, name: string): Promise<{ id: string }>;",
  "const SignupBody = z.object({ email: z.string(), age: z.number(), name: z.string().optional() });",
  "",
  'app.post("/signup", async (req, res) => {',
  "  const { email, age, name } = SignupBody.parse(req.body);",
  '  if (name === undefined) return res.status(400).json({ error: "name is required" });',
  "  const account = await createAccount(email, age, name);",
  "  res.status(201).json(account);",
  "});",
  "export default app;",
);

const expressPaging = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "declare const db: { products: { list(args: { search: string; skip: number; take: number }): Promise<unknown[]> } };",
  'app.get("/products", async (req, res) => {',
  "  const { q, page, limit } = req.query;",
  "  const take = Math.min(Number(limit) || 20, 100);",
  "  const skip = (Number(page ?? 1) - 1) * take;",
  "  res.json(await db.products.list({ search: `${q}`, skip, take }));",
  "});",
  "export default app;",
);
const expressPagingFixed = lines(
  'import express from "express";',
  'import { z } from "zod";',
  "const app = express();",
  "declare const db: { products: { list(args: { search: string; skip: number; take: number }): Promise<unknown[]> } };",
  "const ListProductsQuery = z.object({",
  "  q: z.string(),",
  "  page: z.coerce.number().optional(),",
  "  limit: z.coerce.number().optional(),",
  "});",
  "",
  'app.get("/products", async (req, res) => {',
  "  const { q, page, limit } = ListProductsQuery.parse(req.query);",
  "  const take = Math.min(Number(limit) || 20, 100);",
  "  const skip = (Number(page ?? 1) - 1) * take;",
  "  res.json(await db.products.list({ search: `${q}`, skip, take }));",
  "});",
  "export default app;",
);

const expressPagingJs = lines(
  'const express = require("express");',
  'const { z } = require("zod");',
  "const router = express.Router();",
  'router.get("/orders", async (req, res) => {',
  "  const { page = 1, limit = 10, status, archived, tags } = req.query;",
  '  const tagList = Array.isArray(tags) ? tags : tags.split(",");',
  "  const orders = await Order.find({ status, archived: archived === true, tags: { $in: tagList } })",
  "    .skip((page - 1) * limit)",
  "    .limit(limit);",
  "  res.json(orders);",
  "});",
  "module.exports = router;",
);
const expressPagingJsFixed = lines(
  'const express = require("express");',
  'const { z } = require("zod");',
  "const router = express.Router();",
  "const ListOrdersQuery = z.object({",
  "  page: z.coerce.number().optional(),",
  "  limit: z.coerce.number().optional(),",
  "  status: z.string(),",
  '  archived: z.enum(["true", "false"]).transform((value) => value === "true"),',
  "  tags: z.union([z.array(z.string()), z.string()]),",
  "});",
  "",
  'router.get("/orders", async (req, res) => {',
  "  const { page = 1, limit = 10, status, archived, tags } = ListOrdersQuery.parse(req.query);",
  '  const tagList = Array.isArray(tags) ? tags : tags.split(",");',
  "  const orders = await Order.find({ status, archived: archived === true, tags: { $in: tagList } })",
  "    .skip((page - 1) * limit)",
  "    .limit(limit);",
  "  res.json(orders);",
  "});",
  "module.exports = router;",
);

const expressPagingValibot = lines(
  'import express from "express";',
  "const app = express();",
  'app.get("/products", async (req, res) => {',
  "  const { page = 1, inStock } = req.query;",
  "  res.json(await Product.find({ inStock: inStock === true }).skip((page - 1) * 20));",
  "});",
  "export default app;",
);
const expressPagingValibotFixed = lines(
  'import express from "express";',
  'import * as v from "valibot";',
  "const app = express();",
  "const ListProductsQuery = v.object({",
  "  page: v.optional(v.pipe(v.string(), v.transform(Number), v.number())),",
  '  inStock: v.pipe(v.picklist(["true", "false"]), v.transform((value) => value === "true")),',
  "});",
  "",
  'app.get("/products", async (req, res) => {',
  "  const { page = 1, inStock } = v.parse(ListProductsQuery, req.query);",
  "  res.json(await Product.find({ inStock: inStock === true }).skip((page - 1) * 20));",
  "});",
  "export default app;",
);

// ---------------------------------------------------------------- Fastify

const fastifyCast = lines(
  'import Fastify from "fastify";',
  'import { z } from "zod";',
  "const fastify = Fastify();",
  'fastify.post("/signup", async (request, reply) => {',
  "  const { email, age } = request.body as { email: string; age: number };",
  "  reply.code(201);",
  "  return { email: email.toLowerCase(), adult: age >= 18 };",
  "});",
  "export default fastify;",
);
const fastifyCastFixed = lines(
  'import Fastify from "fastify";',
  'import { z } from "zod";',
  "const fastify = Fastify();",
  "const SignupBody = z.object({ email: z.string(), age: z.number() });",
  "",
  'fastify.post("/signup", async (request, reply) => {',
  "  const { email, age } = SignupBody.parse(request.body);",
  "  reply.code(201);",
  "  return { email: email.toLowerCase(), adult: age >= 18 };",
  "});",
  "export default fastify;",
);

const fastifyGeneric = lines(
  'import Fastify from "fastify";',
  'import { z } from "zod";',
  "const fastify = Fastify();",
  'fastify.get<{ Querystring: { q: string; limit?: number } }>("/search", async (request) => {',
  "  return { q: request.query.q.trim(), limit: request.query.limit };",
  "});",
  "export default fastify;",
);
const fastifyGenericFixed = lines(
  'import Fastify from "fastify";',
  'import { z } from "zod";',
  "const fastify = Fastify();",
  "const SearchQuery = z.object({ q: z.string(), limit: z.coerce.number().optional() });",
  "",
  'fastify.get<{ Querystring: { q: string; limit?: number } }>("/search", async (request) => {',
  "  const query = SearchQuery.parse(request.query);",
  "  return { q: query.q.trim(), limit: query.limit };",
  "});",
  "export default fastify;",
);

const fastifyUntyped = lines(
  'import Fastify from "fastify";',
  'import { z } from "zod";',
  "const fastify = Fastify();",
  "declare function createArticle(title: string, tags: string[], published: boolean, slug: string | undefined): Promise<{ id: string }>;",
  'fastify.post("/articles", async (request, reply) => {',
  "  const { title, tags, published, slug } = request.body as any;",
  "  const article = await createArticle(title.trim(), tags.map(String), published ?? false, slug?.toLowerCase());",
  "  reply.code(201);",
  "  return article;",
  "});",
  "export default fastify;",
);
const fastifyUntypedFixed = lines(
  'import Fastify from "fastify";',
  'import { z } from "zod";',
  "const fastify = Fastify();",
  "declare function createArticle(title: string, tags: string[], published: boolean, slug: string | undefined): Promise<{ id: string }>;",
  "const CreateArticleBody = z.object({",
  "  title: z.string(),",
  "  tags: z.array(z.unknown()),",
  "  published: z.boolean().optional(),",
  "  slug: z.string().optional(),",
  "});",
  "",
  'fastify.post("/articles", async (request, reply) => {',
  "  const { title, tags, published, slug } = CreateArticleBody.parse(request.body);",
  "  const article = await createArticle(title.trim(), tags.map(String), published ?? false, slug?.toLowerCase());",
  "  reply.code(201);",
  "  return article;",
  "});",
  "export default fastify;",
);

// ---------------------------------------------------------------- Hono

const honoJson = lines(
  'import { Hono } from "hono";',
  'import { z } from "zod";',
  "const app = new Hono();",
  'app.post("/posts", async (c) => {',
  "  const body = await c.req.json();",
  "  return c.json({ title: body.title.trim(), tags: body.tags.map(String) }, 201);",
  "});",
  "export default app;",
);
const honoJsonFixed = lines(
  'import { Hono } from "hono";',
  'import { z } from "zod";',
  "const app = new Hono();",
  "const CreatePostBody = z.object({ title: z.string(), tags: z.array(z.unknown()) });",
  "",
  'app.post("/posts", async (c) => {',
  "  const body = CreatePostBody.parse(await c.req.json());",
  "  return c.json({ title: body.title.trim(), tags: body.tags.map(String) }, 201);",
  "});",
  "export default app;",
);

const honoJsonTyped = lines(
  'import { Hono } from "hono";',
  'import { z } from "zod";',
  "const app = new Hono();",
  "declare function createTodo(title: string, priority: number, done: boolean): Promise<{ id: string }>;",
  'app.post("/todos", async (c) => {',
  "  const { title, priority, done } = await c.req.json();",
  '  if (priority !== undefined && priority > 5) return c.json({ error: "priority must be between 0 and 5" }, 400);',
  "  const todo = await createTodo(`${title}`, priority ?? 0, done === true);",
  "  return c.json(todo, 201);",
  "});",
  "export default app;",
);
const honoJsonTypedFixed = lines(
  'import { Hono } from "hono";',
  'import { z } from "zod";',
  "const app = new Hono();",
  "declare function createTodo(title: string, priority: number, done: boolean): Promise<{ id: string }>;",
  "const CreateTodoBody = z.object({",
  "  title: z.string(),",
  "  priority: z.number().optional(),",
  "  done: z.boolean(),",
  "});",
  "",
  'app.post("/todos", async (c) => {',
  "  const { title, priority, done } = CreateTodoBody.parse(await c.req.json());",
  '  if (priority !== undefined && priority > 5) return c.json({ error: "priority must be between 0 and 5" }, 400);',
  "  const todo = await createTodo(`${title}`, priority ?? 0, done === true);",
  "  return c.json(todo, 201);",
  "});",
  "export default app;",
);

const honoZValidator = lines(
  'import { Hono } from "hono";',
  'import { zValidator } from "@hono/zod-validator";',
  'import { z } from "zod";',
  "const app = new Hono();",
  'app.post("/todos", async (c) => {',
  "  const { text } = await c.req.json<{ text: string }>();",
  "  return c.json({ text: text.trim() }, 201);",
  "});",
  "export default app;",
);
const honoZValidatorFixed = lines(
  'import { Hono } from "hono";',
  'import { zValidator } from "@hono/zod-validator";',
  'import { z } from "zod";',
  "const app = new Hono();",
  "const CreateTodoBody = z.object({ text: z.string() });",
  "",
  'app.post("/todos", zValidator("json", CreateTodoBody), async (c) => {',
  '  const { text } = c.req.valid("json");',
  "  return c.json({ text: text.trim() }, 201);",
  "});",
  "export default app;",
);

const honoQuery = lines(
  'import { Hono } from "hono";',
  'import { zValidator } from "@hono/zod-validator";',
  'import { z } from "zod";',
  "const app = new Hono();",
  'app.get("/books", (c) => {',
  "  const { page, sort } = c.req.query();",
  "  return c.json({ offset: Number(page) * 20, sort: sort.toLowerCase() });",
  "});",
  "export default app;",
);
const honoQueryFixed = lines(
  'import { Hono } from "hono";',
  'import { zValidator } from "@hono/zod-validator";',
  'import { z } from "zod";',
  "const app = new Hono();",
  "const ListBooksQuery = z.object({ page: z.coerce.number(), sort: z.string() });",
  "",
  'app.get("/books", zValidator("query", ListBooksQuery), (c) => {',
  '  const { page, sort } = c.req.valid("query");',
  "  return c.json({ offset: Number(page) * 20, sort: sort.toLowerCase() });",
  "});",
  "export default app;",
);

const honoForm = lines(
  'import { Hono } from "hono";',
  'import * as v from "valibot";',
  "const app = new Hono();",
  'app.post("/upload", async (c) => {',
  "  const form = await c.req.parseBody();",
  "  return c.json({ name: form.name, size: form.size * 1 });",
  "});",
  "export default app;",
);
const honoFormFixed = lines(
  'import { Hono } from "hono";',
  'import * as v from "valibot";',
  "const app = new Hono();",
  "const UploadBody = v.object({",
  "  name: v.string(),",
  "  size: v.pipe(v.string(), v.transform(Number), v.number()),",
  "});",
  "",
  'app.post("/upload", async (c) => {',
  "  const form = v.parse(UploadBody, await c.req.parseBody());",
  "  return c.json({ name: form.name, size: form.size * 1 });",
  "});",
  "export default app;",
);

// ---------------------------------------------------------------- Koa

const koaBody = lines(
  'import Koa from "koa";',
  'import Router from "@koa/router";',
  'import { z } from "zod";',
  "const app = new Koa();",
  "const router = new Router();",
  'router.post("/notes", async (ctx) => {',
  "  const { title } = ctx.request.body;",
  "  ctx.body = { title: title.trim() };",
  "});",
  "app.use(router.routes());",
);
const koaBodyFixed = lines(
  'import Koa from "koa";',
  'import Router from "@koa/router";',
  'import { z } from "zod";',
  "const app = new Koa();",
  "const router = new Router();",
  "const CreateNoteBody = z.object({ title: z.string() });",
  "",
  'router.post("/notes", async (ctx) => {',
  "  const { title } = CreateNoteBody.parse(ctx.request.body);",
  "  ctx.body = { title: title.trim() };",
  "});",
  "app.use(router.routes());",
);

const koaQuery = lines(
  'import Koa from "koa";',
  'import Router from "@koa/router";',
  'import { z } from "zod";',
  "const app = new Koa();",
  "const router = new Router();",
  "declare function listNotes(page: unknown, ascending: boolean): Promise<string[]>;",
  'router.get("/notes", async (ctx) => {',
  '  ctx.body = await listNotes(ctx.query.page, ctx.query.sort === "asc");',
  "});",
  "app.use(router.routes());",
  "export default app;",
);
const koaQueryFixed = lines(
  'import Koa from "koa";',
  'import Router from "@koa/router";',
  'import { z } from "zod";',
  "const app = new Koa();",
  "const router = new Router();",
  "declare function listNotes(page: unknown, ascending: boolean): Promise<string[]>;",
  "const ListNotesQuery = z.object({ page: z.string(), sort: z.string() });",
  "",
  'router.get("/notes", async (ctx) => {',
  "  const query = ListNotesQuery.parse(ctx.query);",
  '  ctx.body = await listNotes(query.page, query.sort === "asc");',
  "});",
  "app.use(router.routes());",
  "export default app;",
);

// ---------------------------------------------------------------- Next.js

const nextApp = lines(
  'import { z } from "zod";',
  "declare const db: { user: { create(args: { data: { email: string; name: unknown } }): Promise<unknown> } };",
  "export async function POST(request: Request) {",
  "  const { email, name } = await request.json();",
  "  const user = await db.user.create({ data: { email: email.toLowerCase(), name } });",
  "  return Response.json(user, { status: 201 });",
  "}",
);
const nextAppFixed = lines(
  'import { z } from "zod";',
  "declare const db: { user: { create(args: { data: { email: string; name: unknown } }): Promise<unknown> } };",
  "const CreateUserBody = z.object({ email: z.string(), name: z.string() });",
  "",
  "export async function POST(request: Request) {",
  "  const { email, name } = CreateUserBody.parse(await request.json());",
  "  const user = await db.user.create({ data: { email: email.toLowerCase(), name } });",
  "  return Response.json(user, { status: 201 });",
  "}",
);

const nextAppChecks = lines(
  'import { z } from "zod";',
  "declare const db: { user: { create(args: { data: { email: string; password: string; newsletter: boolean } }): Promise<{ id: string }> } };",
  "declare function hashPassword(password: string): Promise<string>;",
  "export async function POST(req: Request) {",
  "  const body = await req.json();",
  '  if (!body.email || !body.password) return Response.json({ error: "email and password are required" }, { status: 400 });',
  '  const newsletter = typeof body.newsletter === "undefined" ? false : body.newsletter === true;',
  "  const user = await db.user.create({ data: { email: body.email.toLowerCase(), password: await hashPassword(body.password), newsletter } });",
  "  return Response.json({ id: user.id }, { status: 201 });",
  "}",
);
const nextAppChecksFixed = lines(
  'import { z } from "zod";',
  "declare const db: { user: { create(args: { data: { email: string; password: string; newsletter: boolean } }): Promise<{ id: string }> } };",
  "declare function hashPassword(password: string): Promise<string>;",
  "const CreateUserBody = z.object({",
  "  email: z.string().optional(),",
  "  password: z.string().optional(),",
  "  newsletter: z.boolean().optional(),",
  "});",
  "",
  "export async function POST(req: Request) {",
  "  const body = CreateUserBody.parse(await req.json());",
  '  if (!body.email || !body.password) return Response.json({ error: "email and password are required" }, { status: 400 });',
  '  const newsletter = typeof body.newsletter === "undefined" ? false : body.newsletter === true;',
  "  const user = await db.user.create({ data: { email: body.email.toLowerCase(), password: await hashPassword(body.password), newsletter } });",
  "  return Response.json({ id: user.id }, { status: 201 });",
  "}",
);

const nextPages = lines(
  'import type { NextApiRequest, NextApiResponse } from "next";',
  'import { z } from "zod";',
  "declare const db: { post: { findMany(args: object): Promise<unknown[]> } };",
  "export default async function handler(req: NextApiRequest, res: NextApiResponse) {",
  "  const posts = await db.post.findMany({ where: { authorId: req.query.author } });",
  "  res.status(200).json(posts);",
  "}",
);
const nextPagesFixed = lines(
  'import type { NextApiRequest, NextApiResponse } from "next";',
  'import { z } from "zod";',
  "declare const db: { post: { findMany(args: object): Promise<unknown[]> } };",
  "const UsersQuery = z.object({ author: z.string() });",
  "",
  "export default async function handler(req: NextApiRequest, res: NextApiResponse) {",
  "  const posts = await db.post.findMany({ where: { authorId: UsersQuery.parse(req.query).author } });",
  "  res.status(200).json(posts);",
  "}",
);

const BODY_RISK = "a client can send null, a number, an array or an object there";
const QS_RISK = "a query value may be missing, an array or an object (`?id[$gt]=`)";
const QUERY_RISK = "a query value may be missing or an array (`?id=a&id=b`)";
const FORM_RISK = "form values are strings or files, or missing";
/** The risk each read's framework and source carries, by the read's text in these tests. */
const riskOf = (read: string): string => {
  if (/formData|parseBody/u.test(read)) return FORM_RISK;
  if (read === "req.params") return "a path segment is any string the client picks";
  if (read === "req.query") return QS_RISK;
  if (/query/u.test(read)) return QUERY_RISK;
  return BODY_RISK;
};
const fieldsMessage = (read: string, fields: string, risk = riskOf(read)) => ({
  messageId: "unvalidated" as const,
  data: { read, fields, risk },
});
const suggestion = (read: string, schema: string, output: string, library = "zod") => [
  { messageId: "validateWithSchema" as const, data: { read, library, schema }, output },
];

ruleTester.run("no-unvalidated-input", rule, {
  valid: [
    // ---------------------------------------------------------------- validated: Express
    {
      name: "Express: zod .parse on the raw body",
      code: lines(
        'import express from "express";',
        'import { z } from "zod";',
        "const app = express();",
        "const CreateUser = z.object({ email: z.string() });",
        'app.post("/users", (req, res) => { const data = CreateUser.parse(req.body); res.json(data.email); });',
      ),
    },
    {
      name: "Express: .safeParse through an alias and a cast",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/users", (req, res) => {',
        "  const raw = req.body as unknown;",
        "  const result = schema.safeParse(raw);",
        "  if (!result.success) return res.status(400).json(result.error.issues);",
        "  res.json(result.data);",
        "});",
      ),
    },
    {
      name: "Express: joi .validateAsync, yup .validate, superstruct create, typebox Value.Check, typia.assert",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/a", async (req, res) => { res.json(await joiSchema.validateAsync(req.body)); });',
        'app.post("/b", async (req, res) => { res.json(await yupSchema.validate(req.body)); });',
        'app.post("/c", (req, res) => { res.json(create(req.body, UserStruct)); });',
        'app.post("/d", (req, res) => { if (!Value.Check(UserType, req.body)) return res.sendStatus(400); res.json(req.body.name); });',
        'app.post("/e", (req, res) => { res.json(typia.assert<User>(req.body).name); });',
        'app.get("/f", (req, res) => { res.json(Joi.attempt(req.query, QuerySchema)); });',
      ),
    },
    {
      name: "Express: an ajv compiled validator and valibot parse(schema, x)",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "const check = ajv.compile(userSchema);",
        'app.post("/a", (req, res) => { if (!check(req.body)) return res.status(400).json(check.errors); res.json(req.body.name); });',
        'app.post("/b", (req, res) => { const user = v.parse(UserSchema, req.body); res.json(user); });',
        'app.post("/c", (req, res) => { const user = safeParse(UserSchema, req.body); res.json(user); });',
      ),
    },
    {
      name: "Express: class-validator plainToInstance + validate",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/users", async (req, res) => {',
        "  const dto = plainToInstance(CreateUserDto, req.body);",
        "  const errors = await validate(dto);",
        "  if (errors.length > 0) return res.status(400).json(errors);",
        "  res.json(dto);",
        "});",
      ),
    },
    {
      name: "Express: celebrate in the route chain",
      code: lines(
        'import express from "express";',
        'import { celebrate, Joi, Segments } from "celebrate";',
        "const app = express();",
        'app.post("/signup", celebrate({ [Segments.BODY]: Joi.object({ email: Joi.string().email() }) }), (req, res) => {',
        "  res.json({ email: req.body.email.toLowerCase() });",
        "});",
      ),
    },
    {
      name: "Express: validation middleware recognised by name, in the chain, in use() and on the router mount",
      code: lines(
        'import express, { Router } from "express";',
        "const app = express();",
        'app.post("/a", validate(createUserSchema), (req, res) => res.json(req.body.email));',
        'app.post("/b", validateBody(schema), (req, res) => res.json(req.body.email));',
        'app.use("/c", validateRequest);',
        'app.post("/c", (req, res) => res.json(req.body.email));',
        "const admin = Router();",
        'admin.post("/d", (req, res) => res.json(req.body.email));',
        'app.use("/admin", validationMiddleware, admin);',
      ),
    },
    {
      name: "Express: express-validator chain with validationResult / matchedData",
      code: lines(
        'import express from "express";',
        'import { body, matchedData, validationResult } from "express-validator";',
        "const app = express();",
        'app.post("/a", body("email").isEmail().normalizeEmail(), (req, res) => res.json({ email: req.body.email }));',
        'app.post("/b", (req, res) => {',
        "  const errors = validationResult(req);",
        "  if (!errors.isEmpty()) return res.status(400).json(errors.array());",
        "  res.json({ email: req.body.email });",
        "});",
        'app.post("/c", (req, res) => { const data = matchedData(req); res.json({ email: req.body.email, data }); });',
        'app.post("/d", async (req, res) => { await Promise.all(rules.map((rule) => rule.run(req))); res.json(save(req.body.email)); });',
      ),
    },
    {
      name: "Express: a middleware function of this file that validates the body before the handler",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "function parseUser(req, res, next) { req.body = UserSchema.parse(req.body); next(); }",
        'app.post("/users", parseUser, (req, res) => res.json(req.body.email));',
      ),
    },
    {
      name: "Express: a custom validator name from the option and from settings.harden.validation.names",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/a", (req, res) => { const input = checkInput(req.body); res.json(input.email); });',
        'app.post("/b", ensureShape, (req, res) => res.json(req.body.email));',
        'app.post("/c", (req, res) => res.json(schemas.check(req.body).email));',
      ),
      options: [{ validators: ["checkInput", "schemas.check"] }],
      settings: { harden: { validation: { library: "zod", names: ["ensureShape"] } } },
    },
    {
      name: "Express: a validating wrapper around the handler",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/users", withValidation(UserSchema, (req, res) => res.json(req.body.email)));',
      ),
    },
    // ---------------------------------------------------------------- not flagged: Express
    {
      name: "Express: a field compared with a fixed allow-list (an array literal, a const list, a Set of literals)",
      code: lines(
        'import express from "express";',
        "declare const storage: { updateRole(id: string, role: unknown): Promise<object> };",
        'const PLANS = ["free", "pro"] as const;',
        'const REGIONS = new Set(["eu", "us"]);',
        "const app = express();",
        'app.patch("/users/:id/role", async (req, res) => {',
        "  const { role, plan, region } = req.body;",
        '  if (!role || !["user", "admin"].includes(role)) return res.status(400).json({ message: "Unknown role" });',
        "  if (!PLANS.includes(plan) || !REGIONS.has(region)) return res.sendStatus(400);",
        "  res.json(await storage.updateRole(req.params.id, { role, plan, region }));",
        "});",
      ),
    },
    {
      name: "Express: fields the code checks or converts itself",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/users", (req, res) => {',
        "  const { email, tags } = req.body;",
        '  if (typeof email !== "string" || !Array.isArray(tags)) return res.sendStatus(400);',
        "  res.json({ email, tags, count: Number(req.body.count) });",
        "});",
        'app.get("/users", (req, res) => {',
        "  const page = parseInt(req.query.page, 10) || 1;",
        '  const mine = req.query.scope === "mine";',
        "  res.json({ page, mine });",
        "});",
        'app.post("/schedule/filter", async (req, res) => {',
        "  res.json(await Activity.find({ start: { $gte: new Date(req.body.start) } }));",
        "});",
        'app.post("/login", (req, res) => {',
        "  if (!validator.isEmail(req.body.email) || !Number.isInteger(req.body.age) || !(req.body.at instanceof Date)) return res.sendStatus(400);",
        '  if ("admin" in req.body) return res.sendStatus(403);',
        '  switch (req.body.mode) { case "a": break; default: break; }',
        "  res.json(save(req.body.email, req.body.age, req.body.at));",
        "});",
      ),
    },
    {
      name: "Express: logged, existence-checked or compared, never trusted",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/hooks", (req, res) => {',
        '  logger.info({ body: req.body }, "webhook received");',
        "  console.log(`query: ${req.query}`);",
        "  if (!req.body) return res.sendStatus(400);",
        "  res.sendStatus(204);",
        "});",
      ),
    },
    {
      name: "Sent straight back to the client: echoed, not trusted",
      code: lines(
        'import express from "express";',
        'import Fastify from "fastify";',
        "const app = express();",
        'app.post("/echo", (req, res) => res.json(req.body));',
        'app.get("/q", (req, res) => { res.status(200).send({ ...req.query, at: Date.now() }); });',
        "const fastify = Fastify();",
        'fastify.post("/echo", async (request, reply) => { reply.code(201).send({ got: request.body }); });',
        'fastify.post("/echo2", async (request) => request.body);',
      ),
    },
    {
      name: "Sent straight back: Koa ctx.body and Hono c.json",
      code: lines(
        'import Koa from "koa";',
        'import { Hono } from "hono";',
        "const koa = new Koa();",
        "koa.use(async (ctx) => { ctx.body = ctx.request.body; });",
        "const app = new Hono();",
        'app.post("/echo", async (c) => c.json(await c.req.json()));',
      ),
    },
    {
      name: "Express: params and headers are only checked when listed in `sources`",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/users/:id", (req, res) => res.json(find(req.params.id, req.headers["x-tenant"])));',
      ),
    },
    {
      name: "Express: error handlers, writes and plain functions are not handlers that trust input",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "app.use((err, req, res, next) => { res.status(500).json({ body: save(req.body) }); });",
        "function pick(req) { return req.body.id; }",
        "app.use((req, res, next) => { req.body = req.body ?? {}; next(); });",
        "const body = { a: 1 };",
        "send(body.a);",
      ),
    },
    {
      name: "Express: a controller registered in another file (only in strict)",
      code: lines(
        'import type { Request, Response } from "express";',
        "export const createUser = async (req: Request, res: Response) => {",
        "  res.json(await save(req.body));",
        "};",
      ),
    },
    // ---------------------------------------------------------------- Fastify
    {
      name: "Fastify: schema.body and schema.querystring on the route options",
      code: lines(
        'import Fastify from "fastify";',
        "const fastify = Fastify();",
        'fastify.post("/users", { schema: { body: userBody, querystring: q } }, async (request) => ({ email: request.body.email, page: request.query.page }));',
        'fastify.route({ method: "POST", url: "/b", schema: { body: userBody }, handler: async (request) => request.body.email });',
      ),
    },
    {
      name: "Fastify: a validation hook on the route; Koa: validation middleware in the router chain",
      code: lines(
        'import Fastify from "fastify";',
        'import Router from "@koa/router";',
        "const fastify = Fastify();",
        'fastify.post("/users", { preValidation: [validateBody] }, async (request) => save(request.body.email));',
        "const router = new Router();",
        'router.post("/notes", validate({ body: noteSchema }), async (ctx) => { ctx.body = await save(ctx.request.body.title); });',
      ),
    },
    {
      name: "Fastify: route options declared elsewhere may carry a schema",
      code: lines(
        'import Fastify from "fastify";',
        "const fastify = Fastify();",
        'fastify.post("/users", createUserOptions, async (request) => request.body.email);',
        'fastify.post("/b", { schema: sharedSchema }, async (request) => request.body.email);',
      ),
    },
    // ---------------------------------------------------------------- Hono
    {
      name: "Hono: c.req.valid behind zValidator, and raw reads the validator already checked",
      code: lines(
        'import { Hono } from "hono";',
        'import { zValidator } from "@hono/zod-validator";',
        'import { validator } from "hono/validator";',
        "const app = new Hono();",
        'app.post("/a", zValidator("json", schema), (c) => c.json(c.req.valid("json")));',
        'app.post("/b", zValidator("json", schema), async (c) => c.json((await c.req.json()).name));',
        'app.get("/c", validator("query", (value) => value), (c) => c.json(c.req.query().page));',
        'app.post("/d", tbValidator("json", T), async (c) => c.json((await c.req.json()).name));',
      ),
    },
    {
      name: "Hono: single-key reads are typed string | undefined",
      code: lines(
        'import { Hono } from "hono";',
        "const app = new Hono();",
        'app.get("/a/:id", (c) => c.json({ page: c.req.query("page"), id: c.req.param("id"), auth: c.req.header("authorization") }));',
      ),
    },
    // ---------------------------------------------------------------- Koa
    {
      name: "Koa: joi validateAsync, and ctx.body is the response",
      code: lines(
        'import Koa from "koa";',
        'import Router from "@koa/router";',
        "const app = new Koa();",
        "const router = new Router();",
        'router.post("/a", async (ctx) => { const value = await schema.validateAsync(ctx.request.body); ctx.body = value; });',
        'router.get("/b", async (ctx) => { ctx.body = ctx.state.user; });',
        "app.use(router.routes());",
      ),
    },
    // ---------------------------------------------------------------- Next.js
    {
      name: "Next.js App Router: parse(await req.json()) directly and through an alias",
      code: lines(
        "export async function POST(req: Request) {",
        "  const json = await req.json();",
        "  const body = postSchema.parse(json);",
        "  return Response.json(body);",
        "}",
        "export async function PUT(req: Request) {",
        "  return Response.json(postSchema.parse(await req.json()));",
        "}",
      ),
      filename: files.nextApp,
    },
    {
      name: "Next.js App Router: text(), headers and search params are not parsed input",
      code: lines(
        "export async function POST(req: Request) {",
        "  const raw = await req.text();",
        '  const signature = req.headers.get("stripe-signature");',
        '  const page = new URL(req.url).searchParams.get("page");',
        "  return Response.json(verify(raw, signature, page));",
        "}",
      ),
      filename: files.nextApp,
    },
    {
      name: "Next.js Pages API: validated with zod",
      code: "export default function handler(req, res) { const { email } = Body.parse(req.body); res.json({ email }); }",
      filename: files.nextPages,
    },
    // ---------------------------------------------------------------- NestJS
    {
      name: "NestJS: DTO classes, pipes, and params by default",
      code: lines(
        'import { Body, Controller, Get, Param, Post, Query } from "@nestjs/common";',
        '@Controller("users")',
        "export class UsersController {",
        "  @Post() create(@Body() dto: CreateUserDto) { return dto; }",
        '  @Get() list(@Query("page", ParseIntPipe) page: number) { return page; }',
        '  @Post("z") createZ(@Body(new ZodValidationPipe(schema)) body: any) { return body.email; }',
        '  @Get(":id") one(@Param("id") id) { return id; }',
        '  @Post("parsed") parsed(@Body() body: any) { return schema.parse(body); }',
        "}",
      ),
      filename: files.nest,
    },
    {
      name: "Next.js Pages API: a dynamic segment read from req.query is a string",
      code: lines(
        'import type { NextApiRequest, NextApiResponse } from "next";',
        "declare const db: { team: { findUnique(args: object): Promise<unknown> } };",
        "export default async function handler(req: NextApiRequest, res: NextApiResponse) {",
        "  const { teamId, id: docId } = req.query as { teamId: string; id: string };",
        "  res.json(await db.team.findUnique({ where: { id: teamId, docs: { some: { id: docId } } } }));",
        "}",
      ),
      filename: "pages/api/teams/[teamId]/docs/[id].ts",
    },
    {
      name: "NestJS: a destructured @Query() typed with a DTO class",
      code: lines(
        'import { Controller, Get, Query } from "@nestjs/common";',
        "class ListDto { page?: number; sort?: string }",
        '@Controller("users")',
        "export class UsersController {",
        "  @Get() list(@Query() { page, sort }: ListDto) { return this.users.list(page, sort); }",
        "  constructor(private users: any) {}",
        "}",
      ),
      filename: files.nest,
    },
    {
      name: "A signed value: verify…Token on a field, verify…Signature on the whole request",
      code: lines(
        'import type { NextApiRequest, NextApiResponse } from "next";',
        "declare function verifyUnsubscribeToken(token: unknown): { email: string } | null;",
        "declare function verifyWebhookSignature(req: NextApiRequest): boolean;",
        "declare function handleEvents(events: unknown): Promise<void>;",
        "export default async function handler(req: NextApiRequest, res: NextApiResponse) {",
        '  if (req.method === "DELETE") return res.json(verifyUnsubscribeToken(req.query.token));',
        "  if (!verifyWebhookSignature(req)) return res.status(401).end();",
        "  await handleEvents(req.body);",
        "  res.end();",
        "}",
      ),
      filename: files.nextPages,
    },
    {
      name: "An internal job endpoint: 401 unless the bearer token equals a secret from the environment",
      code: lines(
        'import type { NextApiRequest, NextApiResponse } from "next";',
        "declare function notify(dataroomId: string, emails: string[]): Promise<void>;",
        "export default async function handler(req: NextApiRequest, res: NextApiResponse) {",
        '  const token = req.headers.authorization?.split(" ")[1];',
        "  if (token !== process.env.INTERNAL_API_KEY) {",
        '    res.status(401).json({ message: "Unauthorized" });',
        "    return;",
        "  }",
        "  const { dataroomId, teamMembers } = req.body as { dataroomId: string; teamMembers: string[] };",
        "  await notify(dataroomId, teamMembers);",
        "  res.status(200).end();",
        "}",
      ),
      filename: files.nextPages,
    },
  ],
  invalid: [
    {
      name: "Express: a list that is not fixed in the file (read at run time) is no allow-list",
      code: lines(
        'import express from "express";',
        "declare const storage: { updateRole(id: string, role: unknown): Promise<object> };",
        "const app = express();",
        'app.patch("/users/:id/role", async (req, res) => {',
        "  const { role } = req.body;",
        '  if (!req.app.locals.roles.includes(role)) return res.status(400).json({ message: "Unknown role" });',
        "  res.json(await storage.updateRole(req.params.id, role));",
        "});",
      ),
      errors: [{ ...fieldsMessage("req.body", "role"), line: 5, column: 20 }],
    },
    // ---------------------------------------------------------------- Express
    {
      name: "Express: a bracket read and a quoted destructuring key are reads too",
      code: 'import express from "express";\nconst app = express();\napp.post("/a", (req, res) => { res.json(save(req["body"].email)); });\napp.get("/b", (req, res) => { const { "query": q } = req; res.json(find(q.email)); });',
      errors: [
        { ...fieldsMessage('req["body"]', "email"), line: 3, column: 46, endColumn: 57 },
        { ...fieldsMessage('"query"', "email", QS_RISK), line: 4, column: 39 },
      ],
    },
    {
      name: "Express: destructured body, suggestion with inferred string type",
      code: expressDestructure,
      errors: [
        {
          ...fieldsMessage("req.body", "email, password, name"),
          line: 6,
          column: 37,
          endLine: 6,
          endColumn: 45,
          suggestions: suggestion("req.body", "CreateUserBody", expressDestructureFixed),
        },
      ],
    },
    {
      name: "Express: several member reads are parsed once, into a local",
      code: expressMembers,
      errors: [
        {
          ...fieldsMessage("req.body", "remember, email, password"),
          line: 7,
          column: 31,
          suggestions: suggestion("req.body", "LoginBody", expressMembersFixed),
        },
      ],
    },
    {
      name: "Express: `as T` cast; the interface gives the schema its fields",
      code: expressCast,
      errors: [
        {
          messageId: "unvalidatedWhole",
          data: { read: "req.body", fields: "" },
          line: 7,
          column: 17,
          suggestions: suggestion("req.body", "CreatePostBody", expressCastFixed),
        },
      ],
    },
    {
      name: "Express: Request<{}, {}, Body> generic",
      code: expressGeneric,
      errors: [
        {
          ...fieldsMessage("req.body", "email"),
          line: 6,
          column: 21,
          suggestions: suggestion("req.body", "CreatePasswordResetBody", expressGenericFixed),
        },
      ],
    },
    {
      name: "Express: alias with nested reads; reported at the raw read",
      code: expressAlias,
      errors: [
        {
          ...fieldsMessage("req.body", "sku, quantity, address"),
          line: 6,
          column: 16,
          suggestions: suggestion("req.body", "CreateOrderBody", expressAliasFixed),
        },
      ],
    },
    {
      name: "Express: req.query into a NoSQL filter",
      code: expressQuery,
      errors: [
        {
          ...fieldsMessage("req.query", "email, role"),
          line: 6,
          column: 42,
          suggestions: suggestion("req.query", "ListUsersQuery", expressQueryFixed),
        },
      ],
    },
    {
      name: "Express: reads inside a block are parsed at the top of that block",
      code: expressNestedBlock,
      errors: [
        {
          ...fieldsMessage("req.body", "theme, size"),
          line: 8,
          column: 23,
          suggestions: suggestion("req.body", "UpdateSettingBody", expressNestedBlockFixed),
        },
      ],
    },
    {
      name: "Express: handler name gives the schema name, de-duplicated against the file",
      code: expressNamedHandler,
      errors: [
        {
          ...fieldsMessage("req.body", "email"),
          line: 7,
          column: 21,
          suggestions: suggestion("req.body", "CreateUserBody2", expressNamedHandlerFixed),
        },
      ],
    },
    {
      name: "Express (CJS): require('zod') is reused",
      code: expressCjs,
      filename: files.cjs,
      errors: [
        {
          ...fieldsMessage("req.body", "text"),
          line: 5,
          column: 20,
          suggestions: suggestion("req.body", "CreateCommentBody", expressCjsFixed),
        },
      ],
    },
    {
      name: "Express: a login lookup: fields passed to the database and to a typed function are strings",
      code: expressLogin,
      errors: [
        {
          ...fieldsMessage("req.body", "email, password"),
          line: 8,
          column: 31,
          suggestions: suggestion("req.body", "LoginBody", expressLoginFixed),
        },
      ],
    },
    {
      name: "Express: types from the parameters of a function of the file; a field checked against undefined is optional",
      code: expressSignup,
      errors: [
        {
          ...fieldsMessage("req.body", "email, age, name"),
          line: 7,
          column: 32,
          suggestions: suggestion("req.body", "SignupBody", expressSignupFixed),
        },
      ],
    },
    {
      name: "Express: page and limit converted with Number() and a fallback are optional coerced numbers",
      code: expressPaging,
      errors: [
        {
          ...fieldsMessage("req.query", "q"),
          line: 6,
          column: 30,
          suggestions: suggestion("req.query", "ListProductsQuery", expressPagingFixed),
        },
      ],
    },
    {
      name: "Express (CJS): query defaults, arithmetic, a lookup value, a comparison with true and a string-or-array field",
      code: expressPagingJs,
      filename: files.cjs,
      errors: [
        {
          ...fieldsMessage("req.query", "page, limit, status, archived"),
          line: 5,
          column: 60,
          suggestions: suggestion("req.query", "ListOrdersQuery", expressPagingJsFixed),
        },
      ],
    },
    {
      name: "Express (JS): valibot query schema with optional numbers and a boolean",
      code: expressPagingValibot,
      filename: files.js,
      settings: valibotSettings,
      errors: [
        {
          ...fieldsMessage("req.query", "page, inStock"),
          line: 4,
          column: 33,
          suggestions: suggestion("req.query", "ListProductsQuery", expressPagingValibotFixed, "valibot"),
        },
      ],
    },
    {
      name: "Express: no validation library known, no suggestion",
      code: expressNoLibrary,
      errors: [{ ...fieldsMessage("req.body", "email"), line: 4, column: 21, suggestions: [] }],
    },
    {
      name: "Express: settings name zod, the suggestion imports it",
      code: expressNoLibrary,
      settings: zodSettings,
      errors: [
        {
          ...fieldsMessage("req.body", "email"),
          line: 4,
          column: 21,
          suggestions: suggestion("req.body", "CreateUserBody", expressNoLibraryZodFixed),
        },
      ],
    },
    {
      name: "Express: settings name valibot",
      code: expressNoLibrary,
      settings: valibotSettings,
      errors: [
        {
          ...fieldsMessage("req.body", "email"),
          line: 4,
          column: 21,
          suggestions: suggestion("req.body", "CreateUserBody", expressNoLibraryValibotFixed, "valibot"),
        },
      ],
    },
    {
      name: "Express (JS, no semicolons): the local and the schema follow the file's style",
      code: lines(
        'import express from "express"',
        'import { z } from "zod"',
        "const app = express()",
        'app.post("/tasks", async (req, res) => {',
        "  const task = await save(req.body.title.trim(), req.body.due)",
        "  res.json(task)",
        "})",
      ),
      filename: files.js,
      errors: [
        {
          ...fieldsMessage("req.body", "title, due"),
          line: 5,
          column: 27,
          suggestions: suggestion(
            "req.body",
            "CreateTaskBody",
            lines(
              'import express from "express"',
              'import { z } from "zod"',
              "const app = express()",
              "const CreateTaskBody = z.object({ title: z.string(), due: z.string() })",
              "",
              'app.post("/tasks", async (req, res) => {',
              "  const body = CreateTaskBody.parse(req.body)",
              "  const task = await save(body.title.trim(), body.due)",
              "  res.json(task)",
              "})",
            ),
          ),
        },
      ],
    },
    {
      name: "Express: settings.harden.validation.source is the import the suggestion adds",
      code: expressNoLibrary,
      settings: { harden: { validation: { library: "zod", source: "zod/v4" } } },
      errors: [
        {
          ...fieldsMessage("req.body", "email"),
          line: 4,
          column: 21,
          suggestions: suggestion(
            "req.body",
            "CreateUserBody",
            expressNoLibraryZodFixed.replace('from "zod";', 'from "zod/v4";'),
          ),
        },
      ],
    },
    {
      name: "Express: the whole body passed on (mass assignment): no fields, no schema to suggest",
      code: expressMassAssignment,
      errors: [
        { messageId: "unvalidatedWhole", data: { read: "req.body", fields: "" }, line: 6, column: 45, suggestions: [] },
      ],
    },
    {
      name: "Express: body and query of one handler are reported separately, once each",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/search", (req, res) => {',
        "  res.json(run(req.body.term, req.body.filters, req.query.page, req.query.size));",
        "});",
      ),
      errors: [
        { ...fieldsMessage("req.body", "term, filters"), line: 4, column: 16, suggestions: [] },
        { ...fieldsMessage("req.query", "page, size"), line: 4, column: 49, suggestions: [] },
      ],
    },
    {
      name: "Express: the request parameter destructured",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/users", ({ body }, res) => res.json(save(body.email)));',
      ),
      errors: [{ ...fieldsMessage("body", "email"), line: 3, column: 23, endColumn: 27, suggestions: [] }],
    },
    {
      name: "Express: `const { body } = req`",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/users", (req, res) => { const { body, query } = req; res.json(save(body.email, query.page)); });',
      ),
      errors: [
        { ...fieldsMessage("body", "email"), line: 3, column: 44, suggestions: [] },
        { ...fieldsMessage("query", "page", QS_RISK), line: 3, column: 50, suggestions: [] },
      ],
    },
    {
      name: "Express (JS): the body passed to a service, where validation is not visible",
      code: lines(
        'const express = require("express");',
        "const router = express.Router();",
        'router.post("/register", async (req, res) => { res.json(await authService.register(req.body)); });',
      ),
      filename: files.js,
      errors: [
        { messageId: "unvalidatedWhole", data: { read: "req.body", fields: "" }, line: 3, column: 84, suggestions: [] },
      ],
    },
    {
      name: "Express: a validator on one field leaves the others unvalidated",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/users", (req, res) => {',
        "  const email = EmailSchema.parse(req.body.email);",
        "  res.json(save(email, req.body.name));",
        "});",
      ),
      errors: [{ ...fieldsMessage("req.body", "name"), line: 5, column: 24, suggestions: [] }],
    },
    {
      name: "params and headers listed in `sources`, and a controller registered elsewhere",
      code: lines(
        'import type { Request, Response } from "express";',
        "export const getUser = async (req: Request, res: Response) => {",
        '  res.json(await find(req.params.id, req.headers["x-tenant"]));',
        "};",
      ),
      options: [strict],
      errors: [
        { ...fieldsMessage("req.params", "id"), line: 3, column: 23, suggestions: [] },
        {
          ...fieldsMessage("req.headers", "x-tenant", "a header may be missing or repeated"),
          line: 3,
          column: 38,
          suggestions: [],
        },
      ],
    },
    // ---------------------------------------------------------------- Fastify
    {
      name: "Fastify: request.body cast to an inline type",
      code: fastifyCast,
      errors: [
        {
          ...fieldsMessage("request.body", "email, age"),
          line: 5,
          column: 26,
          suggestions: suggestion("request.body", "SignupBody", fastifyCastFixed),
        },
      ],
    },
    {
      name: "Fastify: route generic Querystring, no schema.querystring",
      code: fastifyGeneric,
      errors: [
        {
          ...fieldsMessage("request.query", "q, limit"),
          line: 5,
          column: 15,
          suggestions: suggestion("request.query", "SearchQuery", fastifyGenericFixed),
        },
      ],
    },
    {
      name: "Fastify: request.body cast to any: types and optional fields from the handler's use",
      code: fastifyUntyped,
      errors: [
        {
          ...fieldsMessage("request.body", "title, tags, published, slug"),
          line: 6,
          column: 44,
          suggestions: suggestion("request.body", "CreateArticleBody", fastifyUntypedFixed),
        },
      ],
    },
    {
      name: "Fastify: schema.body does not cover the query string",
      code: lines(
        'import Fastify from "fastify";',
        "const fastify = Fastify();",
        'fastify.post("/users", { schema: { body: userBody } }, async (request) => save(request.body.email, request.query.page));',
      ),
      errors: [{ ...fieldsMessage("request.query", "page"), line: 3, column: 100, suggestions: [] }],
    },
    // ---------------------------------------------------------------- Hono
    {
      name: "Hono: await c.req.json(), parsed in place",
      code: honoJson,
      errors: [
        {
          ...fieldsMessage("c.req.json()", "title, tags"),
          line: 5,
          column: 22,
          suggestions: suggestion("c.req.json()", "CreatePostBody", honoJsonFixed),
        },
      ],
    },
    {
      name: "Hono: await c.req.json() destructured; a number checked against undefined, a template string, a boolean",
      code: honoJsonTyped,
      errors: [
        {
          ...fieldsMessage("c.req.json()", "title, priority, done"),
          line: 6,
          column: 43,
          suggestions: suggestion("c.req.json()", "CreateTodoBody", honoJsonTypedFixed),
        },
      ],
    },
    {
      name: "Hono: with zValidator imported, the suggestion puts it in the chain and reads c.req.valid",
      code: honoZValidator,
      errors: [
        {
          ...fieldsMessage("c.req.json<{ text: string }>()", "text"),
          line: 6,
          column: 26,
          suggestions: suggestion("c.req.json<{ text: string }>()", "CreateTodoBody", honoZValidatorFixed),
        },
      ],
    },
    {
      name: "Hono: c.req.query() destructured",
      code: honoQuery,
      errors: [
        {
          ...fieldsMessage("c.req.query()", "sort"),
          line: 6,
          column: 26,
          suggestions: suggestion("c.req.query()", "ListBooksQuery", honoQueryFixed),
        },
      ],
    },
    {
      name: "Hono: c.req.parseBody() with valibot: form fields are strings",
      code: honoForm,
      errors: [
        {
          ...fieldsMessage("c.req.parseBody()", "name, size"),
          line: 5,
          column: 22,
          suggestions: suggestion("c.req.parseBody()", "UploadBody", honoFormFixed, "valibot"),
        },
      ],
    },
    // ---------------------------------------------------------------- Koa
    {
      name: "Koa: ctx.request.body",
      code: koaBody,
      errors: [
        {
          ...fieldsMessage("ctx.request.body", "title"),
          line: 7,
          column: 21,
          suggestions: suggestion("ctx.request.body", "CreateNoteBody", koaBodyFixed),
        },
      ],
    },
    {
      name: "Koa: ctx.query",
      code: koaQuery,
      errors: [
        {
          ...fieldsMessage("ctx.query", "page, sort"),
          line: 8,
          column: 30,
          suggestions: suggestion("ctx.query", "ListNotesQuery", koaQueryFixed),
        },
      ],
    },
    {
      name: "Koa: `const { request } = ctx` and ctx.request.query",
      code: lines(
        'import Koa from "koa";',
        "const app = new Koa();",
        "app.use(async (ctx) => {",
        "  const { request } = ctx;",
        "  ctx.body = await save(request.body.name, ctx.request.query.page);",
        "});",
      ),
      errors: [
        { ...fieldsMessage("request.body", "name"), line: 5, column: 25, suggestions: [] },
        { ...fieldsMessage("ctx.request.query", "page"), line: 5, column: 44, suggestions: [] },
      ],
    },
    // ---------------------------------------------------------------- Next.js
    {
      name: "Next.js App Router: await request.json()",
      code: nextApp,
      filename: files.nextApp,
      errors: [
        {
          ...fieldsMessage("request.json()", "email, name"),
          line: 4,
          column: 33,
          suggestions: suggestion("request.json()", "CreateUserBody", nextAppFixed),
        },
      ],
    },
    {
      name: "Next.js App Router: const body = await req.json(); fields tested with ! and typeof are optional",
      code: nextAppChecks,
      filename: files.nextApp,
      errors: [
        {
          ...fieldsMessage("req.json()", "email, password"),
          line: 5,
          column: 22,
          suggestions: suggestion("req.json()", "CreateUserBody", nextAppChecksFixed),
        },
      ],
    },
    {
      name: "Next.js App Router: await request.formData(), fields read with get()",
      code: lines(
        "export async function POST(request: Request) {",
        "  const form = await request.formData();",
        '  return Response.json(await save(form.get("name"), form.getAll("tags")));',
        "}",
      ),
      filename: files.nextApp,
      errors: [{ ...fieldsMessage("request.formData()", "name, tags"), line: 2, column: 22, suggestions: [] }],
    },
    {
      name: "Next.js Pages API: req.query into a database filter",
      code: nextPages,
      filename: files.nextPages,
      errors: [
        {
          ...fieldsMessage("req.query", "author", QUERY_RISK),
          line: 5,
          column: 61,
          suggestions: suggestion("req.query", "UsersQuery", nextPagesFixed),
        },
      ],
    },
    {
      name: "Next.js Pages API: a header compared with a constant is not a shared secret",
      code: lines(
        'import type { NextApiRequest, NextApiResponse } from "next";',
        "declare function notify(dataroomId: string): Promise<void>;",
        "export default async function handler(req: NextApiRequest, res: NextApiResponse) {",
        '  if (req.headers["x-job"] !== "1") return res.status(401).end();',
        "  await notify(req.body.dataroomId);",
        "  res.status(200).end();",
        "}",
      ),
      filename: files.nextPages,
      errors: [{ ...fieldsMessage("req.body", "dataroomId"), line: 5, suggestions: [] }],
    },
    // ---------------------------------------------------------------- NestJS
    {
      name: "NestJS: @Body() any, untyped @Body(), inline @Query() type, interface, and @Req() req.body",
      code: lines(
        'import { Body, Controller, Get, Post, Query, Req } from "@nestjs/common";',
        "interface Filter { q: string }",
        '@Controller("users")',
        "export class UsersController {",
        "  @Post() create(@Body() body: any) { return this.users.create(body); }",
        '  @Post("b") createB(@Body() body) { return this.users.create(body.email); }',
        "  @Get() list(@Query() query: { page: string }) { return this.users.list(query.page); }",
        '  @Get("f") filter(@Query() filter: Filter) { return this.users.list(filter.q); }',
        '  @Post("raw") raw(@Req() req) { return this.users.create(req.body); }',
        "  constructor(private users: any) {}",
        "}",
      ),
      filename: files.nest,
      errors: [
        {
          messageId: "nestParameter",
          data: { decorator: "@Body()", name: "body", problem: "is typed `any`" },
          line: 5,
          column: 26,
        },
        {
          messageId: "nestParameter",
          data: { decorator: "@Body()", name: "body", problem: "has no type" },
          line: 6,
          column: 30,
        },
        {
          messageId: "nestParameter",
          data: { decorator: "@Query()", name: "query", problem: "has an inline object type" },
          line: 7,
          column: 24,
        },
        {
          messageId: "nestParameter",
          data: { decorator: "@Query()", name: "filter", problem: "is typed with the interface `Filter`" },
          line: 8,
          column: 29,
        },
        { messageId: "unvalidatedWhole", data: { read: "req.body", fields: "" }, line: 9, column: 59, suggestions: [] },
      ],
    },
    {
      name: "Next.js Pages API: a query field that is not a dynamic segment, and a catch-all segment",
      code: lines(
        'import type { NextApiRequest, NextApiResponse } from "next";',
        "declare const db: { doc: { findMany(args: object): Promise<unknown> } };",
        "export default async function handler(req: NextApiRequest, res: NextApiResponse) {",
        "  const { teamId, path } = req.query;",
        "  res.json(await db.doc.findMany({ where: { teamId, viewId: req.query.viewId, path } }));",
        "}",
      ),
      filename: "pages/api/teams/[teamId]/[...path].ts",
      errors: [{ ...fieldsMessage("req.query", "path, viewId", QUERY_RISK), line: 4, column: 28, suggestions: [] }],
    },
    {
      name: "NestJS: a destructured @Query() without a type",
      code: lines(
        'import { Controller, Get, Query } from "@nestjs/common";',
        '@Controller("users")',
        "export class UsersController {",
        "  @Get() list(@Query() { page, sort }) { return this.users.list(page, sort); }",
        "  constructor(private users: any) {}",
        "}",
      ),
      filename: files.nest,
      errors: [
        {
          messageId: "nestParameter",
          data: { decorator: "@Query()", name: "{ … }", problem: "has no type" },
          line: 4,
          column: 24,
        },
      ],
    },
    {
      name: "Express: a verify* call looks a value up, it does not check the body's shape",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/login", async (req, res) => {',
        "  const user = await verifyUserCredentials(req.body.email, req.body.password);",
        "  res.json(user);",
        "});",
      ),
      errors: [{ ...fieldsMessage("req.body", "email, password"), line: 4, column: 44, suggestions: [] }],
    },
    {
      name: "Express: an express-validator chain covers the field it names, not the rest of the body",
      code: lines(
        'import express from "express";',
        'import { body, validationResult } from "express-validator";',
        "const app = express();",
        'app.post("/users", body("email").isEmail(), (req, res) => {',
        "  res.json(save(req.body.email, req.body.role));",
        "});",
        'app.post("/profile", [body("name").isString(), body("bio").isString()], (req, res) => {',
        "  res.json(save(req.body.name, req.body.bio));",
        "});",
      ),
      errors: [{ ...fieldsMessage("req.body", "role"), line: 5, column: 33, suggestions: [] }],
    },
    {
      name: "Express: the body spread into an update after express-validator checks a few fields",
      code: lines(
        'import express from "express";',
        'import { validationResult } from "express-validator";',
        "const app = express();",
        'app.put("/users/:id", async (req, res) => {',
        "  if (!validationResult(req).isEmpty()) return res.sendStatus(400);",
        "  await Users.update(req.params.id, { name: req.body.name, ...req.body });",
        "  res.sendStatus(204);",
        "});",
      ),
      errors: [
        {
          messageId: "unvalidatedWhole",
          data: { read: "req.body", fields: "name", risk: BODY_RISK },
          line: 6,
          column: 63,
          suggestions: [],
        },
      ],
    },
    {
      name: "NestJS strict: untyped @Param()",
      code: lines(
        'import { Controller, Get, Param } from "@nestjs/common";',
        '@Controller("users")',
        "export class UsersController {",
        '  @Get(":id") one(@Param("id") id) { return this.users.one(id); }',
        "  constructor(private users: any) {}",
        "}",
      ),
      filename: files.nest,
      options: [strict],
      errors: [
        {
          messageId: "nestParameter",
          data: { decorator: '@Param("id")', name: "id", problem: "has no type" },
          line: 4,
          column: 32,
        },
      ],
    },
  ],
});

describe("no-unvalidated-input suggestions", () => {
  const typed: {
    name: string;
    input: string;
    output: string;
    filename?: string;
    settings?: Record<string, unknown>;
    extra?: Record<string, string>;
  }[] = [
    { name: "Express destructuring", input: expressDestructure, output: expressDestructureFixed },
    { name: "Express member reads", input: expressMembers, output: expressMembersFixed },
    { name: "Express cast", input: expressCast, output: expressCastFixed },
    { name: "Express generic", input: expressGeneric, output: expressGenericFixed },
    { name: "Express alias", input: expressAlias, output: expressAliasFixed },
    { name: "Express query", input: expressQuery, output: expressQueryFixed },
    { name: "Express nested block", input: expressNestedBlock, output: expressNestedBlockFixed },
    {
      name: "Express zod from settings",
      input: expressNoLibrary,
      output: expressNoLibraryZodFixed,
      settings: zodSettings,
    },
    { name: "Express login", input: expressLogin, output: expressLoginFixed },
    { name: "Express signup", input: expressSignup, output: expressSignupFixed },
    { name: "Express paging", input: expressPaging, output: expressPagingFixed },
    { name: "Fastify cast", input: fastifyCast, output: fastifyCastFixed },
    { name: "Fastify generic", input: fastifyGeneric, output: fastifyGenericFixed },
    { name: "Fastify untyped body", input: fastifyUntyped, output: fastifyUntypedFixed },
    { name: "Hono json", input: honoJson, output: honoJsonFixed },
    { name: "Hono json destructured", input: honoJsonTyped, output: honoJsonTypedFixed },
    {
      name: "Hono zValidator",
      input: honoZValidator,
      output: honoZValidatorFixed,
      extra: { "zod-validator.d.ts": zodValidatorTypes },
    },
    {
      name: "Hono query",
      input: honoQuery,
      output: honoQueryFixed,
      extra: { "zod-validator.d.ts": zodValidatorTypes },
    },
    { name: "Koa query", input: koaQuery, output: koaQueryFixed },
    { name: "Next.js App Router", input: nextApp, output: nextAppFixed, filename: files.nextApp },
    { name: "Next.js App Router checks", input: nextAppChecks, output: nextAppChecksFixed, filename: files.nextApp },
    { name: "Next.js Pages API", input: nextPages, output: nextPagesFixed, filename: files.nextPages },
  ];

  it.each(typed)(
    "$name: the output type-checks against the real framework and zod types, as the input does",
    ({ input, output, extra = {} }) => {
      // One program for both: the files are modules, so their declarations do not clash.
      expect(getTypeErrors({ "input.ts": input, "output.ts": output, ...extra })).toEqual([]);
    },
  );

  it.each(typed)(
    "$name: the rule never autofixes, and the suggested code is not reported again",
    ({ input, output, filename, settings }) => {
      const before = lintWithFix("no-unvalidated-input", input, {
        filename: filename ?? files.ts,
        settings: settings ?? {},
      });
      expect(before.output).toBe(input);
      expect(before.remaining).toHaveLength(1);
      const after = lintWithFix("no-unvalidated-input", output, {
        filename: filename ?? files.ts,
        settings: settings ?? {},
      });
      expect(after.fatal).toEqual([]);
      expect(after.remaining).toEqual([]);
    },
  );
});

// An app laid out as real ones are: the OpenAPI validator installed in src/app.ts, routers in src/routes/.
const OPENAPI_APP = path.resolve(import.meta.dirname, "../fixtures/openapi-validated-express");
const openApiFixture = (filename: string) => ({
  code: readFileSync(path.join(OPENAPI_APP, filename), "utf8"),
  filename,
});
const openApiSingleFile = (validateRequests: boolean) =>
  [
    'import express from "express";',
    'import * as OpenApiValidator from "express-openapi-validator";',
    "",
    "declare function save(item: unknown): Promise<void>;",
    "",
    "const app = express();",
    "app.use(express.json());",
    `app.use(OpenApiValidator.middleware({ apiSpec: "./openapi.yaml", validateRequests: ${validateRequests} }));`,
    'app.post("/items", async (req, res) => {',
    "  await save(req.body);",
    "  res.status(201).end();",
    "});",
    "app.listen(3000);",
  ].join("\n");

createRuleTester(OPENAPI_APP).run(
  "no-unvalidated-input: requests validated against the OpenAPI document before the router",
  rule,
  {
    valid: [
      {
        name: "Express: OpenApiValidator.middleware() before the mount of the router that mounts this one",
        ...openApiFixture("src/routes/items.ts"),
      },
      {
        name: "Express: OpenApiValidator.middleware() before the route in the same file",
        code: openApiSingleFile(true),
        filename: files.ts,
      },
    ],
    invalid: [
      {
        name: "Express: a router mounted before the validator is installed",
        ...openApiFixture("src/routes/admin.ts"),
        errors: [
          {
            messageId: "unvalidatedWhole",
            data: { read: "req.body", fields: "" },
            line: 8,
            column: 22,
            endLine: 8,
            endColumn: 30,
            suggestions: [],
          },
        ],
      },
      {
        name: "Express: validateRequests: false checks nothing",
        code: openApiSingleFile(false),
        filename: files.ts,
        errors: [
          {
            messageId: "unvalidatedWhole",
            data: { read: "req.body", fields: "" },
            line: 10,
            column: 14,
            endLine: 10,
            endColumn: 22,
            suggestions: [],
          },
        ],
      },
    ],
  },
);

// Controllers in their own files, registered by a routes file: the registration decides what is validated.
const CONTROLLERS_KOA = path.resolve(import.meta.dirname, "../fixtures/controllers-koa");
const CONTROLLERS_EXPRESS = path.resolve(import.meta.dirname, "../fixtures/controllers-express");
const fixtureOf = (project: string, filename: string) => ({
  code: readFileSync(path.join(project, filename), "utf8"),
  filename,
});

createRuleTester(CONTROLLERS_KOA).run("no-unvalidated-input: Koa controllers registered in the router's file", rule, {
  valid: [],
  invalid: [
    {
      name: 'Koa: `auth.post("/register", authCtrl.register)` validates nothing; `/login` runs validate(loginSchema) first; an unregistered export is no handler',
      ...fixtureOf(CONTROLLERS_KOA, "src/api/auth/auth.ctrl.js"),
      errors: [
        {
          messageId: "unvalidated",
          data: { read: "ctx.request.body", fields: "email, password", risk: BODY_RISK },
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 47,
          suggestions: [],
        },
      ],
    },
  ],
});

createRuleTester(CONTROLLERS_EXPRESS).run(
  "no-unvalidated-input: Express controllers exported with module.exports",
  rule,
  {
    valid: [],
    invalid: [
      {
        name: 'Express: `router.post("/", validate(schemas.createUser), usersController.createUser)` is validated; `router.patch("/:id", usersController.updateUser)` is not',
        ...fixtureOf(CONTROLLERS_EXPRESS, "src/controllers/users.controller.js"),
        errors: [
          {
            messageId: "unvalidatedWhole",
            data: { read: "req.body", fields: "" },
            line: 8,
            column: 46,
            endLine: 8,
            endColumn: 54,
            suggestions: [],
          },
        ],
      },
    ],
  },
);

// Helpers of the project that validate what they are given, in this file or another, a few calls deep.
const VALIDATING_HELPERS = path.resolve(import.meta.dirname, "../fixtures/validating-helpers");

createRuleTester(VALIDATING_HELPERS).run("no-unvalidated-input: project helpers that validate", rule, {
  valid: [],
  invalid: [
    {
      name: "Fastify: saveLink(req.body) parses with a zod schema in src/lib/links.ts; getQuery({ … }) reaches validateTimeParams through getTimeStatement; readSession validates the session, not the body it is handed",
      ...fixtureOf(VALIDATING_HELPERS, "src/api/overview.ts"),
      errors: [
        {
          messageId: "unvalidated",
          data: { read: "req.body", fields: "linkId", risk: BODY_RISK },
          line: 21,
          column: 63,
          endLine: 21,
          endColumn: 71,
          suggestions: [],
        },
      ],
    },
  ],
});

describe("no-unvalidated-input: a body whose signature is checked", () => {
  const cron = (use: string) =>
    [
      'import { NextResponse } from "next/server";',
      "declare const receiver: { verify(input: { signature: string; body: string }): Promise<boolean> };",
      "declare function enqueue(payload: string): Promise<void>;",
      "export async function POST(req: Request) {",
      "  const body = await req.json();",
      use,
      "  return NextResponse.json({ ok: true });",
      "}",
    ].join("\n");
  const verified = cron(
    '  if (!(await receiver.verify({ signature: req.headers.get("Upstash-Signature") ?? "", body: JSON.stringify(body) }))) return new Response("Unauthorized", { status: 401 });',
  );
  const queued = cron("  await enqueue(JSON.stringify(body));");
  ruleTester.run("no-unvalidated-input", rule, {
    valid: [
      {
        name: "Next.js: the body only feeds receiver.verify({ signature, body }) as text",
        code: verified,
        filename: files.nextApp,
      },
    ],
    invalid: [
      {
        name: "Next.js: the body as text handed on to other code is still the client's",
        code: queued,
        filename: files.nextApp,
        errors: [{ messageId: "unvalidatedWhole", data: { read: "req.json()", fields: "" }, line: 5, suggestions: [] }],
      },
    ],
  });
});

/** The message for a whole input passed on after a parse whose result only said whether it passed. */
function parsedButRaw(read: string, check: string, line: number, column: number) {
  return { messageId: "parsedButRaw" as const, data: { read, check }, line, column };
}

// A parse whose result is only tested for success leaves the raw input to be passed on: zod and valibot drop
// unknown fields only from what they return.
ruleTester.run("no-unvalidated-input: the whole input passed on after a parse whose result is not used", rule, {
  valid: [
    {
      name: "Express: the parse result is what is passed on",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/users", async (req, res) => {',
        "  const user = createUser.parse(req.body);",
        "  res.json(await db.user.create({ data: user }));",
        "});",
      ),
    },
    {
      name: "Hono: a safe parse read for `.data`",
      code: lines(
        'import { Hono } from "hono";',
        "const app = new Hono();",
        'app.patch("/users/:id", async (c) => {',
        "  const body = await c.req.json();",
        "  const parsed = updateUser.safeParse(body);",
        "  if (!parsed.success) return c.json({ message: parsed.error.message }, 400);",
        '  return c.json(await db.user.update({ where: { id: c.req.param("id") }, data: parsed.data }));',
        "});",
      ),
    },
    {
      name: "Express: the raw body only logged after the check, and passed on before it",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/events", async (req, res) => {',
        "  await audit.record(req.body);",
        "  const { success } = createEvent.safeParse(req.body);",
        "  if (!success) return res.status(400).end();",
        "  console.log(req.body);",
        "  res.status(204).end();",
        "});",
      ),
    },
  ],
  invalid: [
    {
      name: "Hono: `const { success } = schema.safeParse(body)`, then the body is the update's data",
      code: lines(
        'import { Hono } from "hono";',
        "const app = new Hono();",
        'app.patch("/users/:id", async (c) => {',
        "  const details = await c.req.json();",
        "  const { success } = updateUser.safeParse(details);",
        '  if (!success) return c.json({ message: "invalid" }, 411);',
        '  return c.json(await db.user.update({ where: { id: c.req.param("id") }, data: details }));',
        "});",
      ),
      errors: [parsedButRaw("details", "updateUser.safeParse(…)", 7, 80)],
    },
    {
      name: "Express: `schema.parse(req.body);` as a statement, then the body is created",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/users", async (req, res) => {',
        "  createUser.parse(req.body);",
        "  res.json(await db.user.create({ data: req.body }));",
        "});",
      ),
      errors: [parsedButRaw("req.body", "createUser.parse(…)", 5, 41)],
    },
    {
      name: "Next.js route handler: a result read only for `.success`",
      filename: files.nextApp,
      code: lines(
        "export async function POST(request: Request) {",
        "  const body = await request.json();",
        "  const result = createUser.safeParse(body);",
        "  if (!result.success) return Response.json({ error: result.error.flatten() }, { status: 400 });",
        "  return Response.json(await db.user.create({ data: { ...body } }));",
        "}",
      ),
      errors: [parsedButRaw("body", "createUser.safeParse(…)", 5, 58)],
    },
    {
      name: "Koa: `const { error } = schema.safeParse(ctx.request.body)`, then the body is created",
      code: lines(
        'import Router from "@koa/router";',
        "const router = new Router();",
        'router.post("/meals", async (ctx) => {',
        "  const { error } = createMeal.safeParse(ctx.request.body);",
        "  if (error) ctx.throw(400, error.message);",
        "  ctx.body = await Meal.create(ctx.request.body);",
        "});",
      ),
      errors: [parsedButRaw("ctx.request.body", "createMeal.safeParse(…)", 6, 32)],
    },
    {
      name: "Fastify: `if (!schema.safeParse(request.body).success)`",
      code: lines(
        'import Fastify from "fastify";',
        "const fastify = Fastify();",
        'fastify.post("/orders", async (request, reply) => {',
        "  if (!createOrder.safeParse(request.body).success) return reply.code(400).send();",
        "  return orders.insert(request.body);",
        "});",
      ),
      errors: [parsedButRaw("request.body", "createOrder.safeParse(…)", 5, 24)],
    },
  ],
});

ruleTester.run("no-unvalidated-input: the message names only the fields used as sent", rule, {
  valid: [],
  invalid: [
    {
      name: "Express: start and end go through new Date(); only line_id is used as the client sent it",
      code: lines(
        'import express from "express";',
        "declare const db: { find(filter: object): Promise<unknown[]> };",
        "const app = express();",
        'app.post("/schedule", async (req, res) => {',
        "  const startTime = new Date(req.body.start);",
        "  const endTime = new Date(req.body.end);",
        "  const lines = await db.find({ line: req.body.line_id.toString() });",
        "  res.json({ startTime, endTime, lines });",
        "});",
      ),
      filename: files.ts,
      errors: [
        {
          ...fieldsMessage("req.body", "line_id"),
          line: 7,
          column: 39,
          endLine: 7,
          endColumn: 47,
          suggestions: [],
        },
      ],
    },
  ],
});
