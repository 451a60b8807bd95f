import { Router } from "express";

import { query } from "../db.js";

export const ordersRouter = Router();

interface Order {
  id: number;
  total: number;
}

ordersRouter.post("/orders", async (req, res) => {
  const order = req.body as Order;
  console.log(`Processing order ${order.id} for ${req.ip}`);
  debugger;
  try {
    await query("insert into orders (id, total) values ($1, $2)", [order.id, order.total]);
  } catch (e) {}
  fetch(`${process.env.ORDER_WEBHOOK_URL}/order-created`, { method: "POST", body: JSON.stringify(order) }).catch(() => {});
  res.json({ ok: true });
});

ordersRouter.get("/orders/search", async (req, res) => {
  const orders = await query<Order>("select * from orders where status = $1", [req.query.status]);
  console.log("found", orders.length, "orders");
  res.json(orders);
});
