import { describe, expect, it } from "vitest";

import { isPublicPath, matchesPathGlob } from "../../src/frameworks/is-public-path.js";

describe("matchesPathGlob", () => {
  it("matches `*` within one segment and `**` across any number, case-insensitively", () => {
    expect(matchesPathGlob("/webhooks/stripe", "/webhooks/*")).toBe(true);
    expect(matchesPathGlob("/webhooks/stripe/v2", "/webhooks/*")).toBe(false);
    expect(matchesPathGlob("/webhooks/stripe/v2", "/webhooks/**")).toBe(true);
    expect(matchesPathGlob("/webhooks", "/webhooks/**")).toBe(true);
    expect(matchesPathGlob("/API/Health", "**/health")).toBe(true);
    expect(matchesPathGlob("/files/report.json", "/files/*.json")).toBe(true);
    expect(matchesPathGlob("/files/report.csv", "/files/*.json")).toBe(false);
    expect(matchesPathGlob("/users/:id", "/users/*")).toBe(true);
    expect(matchesPathGlob("/", "/")).toBe(true);
    expect(matchesPathGlob("/a", "/")).toBe(false);
  });

  it("as a default, a leading `**` does not swallow parameters and `-` / `_` are ignored", () => {
    expect(matchesPathGlob("/events/:id/register", "**/register", true)).toBe(false);
    expect(matchesPathGlob("/events/:id/register", "**/register")).toBe(true);
    expect(matchesPathGlob("/api/v1/auth/register", "**/register", true)).toBe(true);
    expect(matchesPathGlob("/users/forgotPassword", "**/forgot-password", true)).toBe(true);
    expect(matchesPathGlob("/users/forgot_password", "**/forgot-password", true)).toBe(true);
    expect(matchesPathGlob("/login/verify/:token", "**/login/**", true)).toBe(true);
  });

  it("stays linear on long paths and patterns", () => {
    const path = `/${"a/".repeat(2000)}b`;
    const pattern = `${"**/".repeat(200)}c`;
    const started = performance.now();
    expect(matchesPathGlob(path, pattern)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("isPublicPath", () => {
  it("knows the ways in, health probes and well-known files", () => {
    const open = [
      "/",
      "/healthz",
      "/api/health",
      "/readyz",
      "/api/v1/auth/login",
      "/auth/logout",
      "/signup",
      "/auth/register",
      "/forgot-password",
      "/reset-password/:token",
      "/verify-email/:token",
      "/auth/google/callback",
      "/api/auth/callback/:provider",
      "/auth/refresh",
      "/.well-known/openid-configuration",
      "/favicon.ico",
      "/robots.txt",
      "/api/og",
    ];
    expect(open.filter((path) => !isPublicPath(path))).toEqual([]);
  });

  it("does not take data endpoints for public", () => {
    const closed = [
      "/users",
      "/api/users/:id",
      "/orders/:id/status",
      "/events/:id/register",
      "/admin/health-report",
      "/cache/refresh",
      "/ai/agent/reset",
    ];
    expect(closed.filter((path) => isPublicPath(path))).toEqual([]);
  });

  it("keeps /auth, /oauth and webhooks out of the defaults: they hold endpoints for signed-in users or signed senders", () => {
    const closed = [
      "/auth/me",
      "/auth/change-password",
      "/api/auth/sessions",
      "/oauth/slack/connect",
      "/webhooks/stripe",
      "/api/webhook",
    ];
    expect(closed.filter((path) => isPublicPath(path))).toEqual([]);
  });

  it("knows email unsubscribe links, static assets and RPC-style method names", () => {
    const open = [
      "/api/newsletter/unsubscribe",
      "/notifications.unsubscribe",
      "/unsubscribe/:token",
      "/static/*",
      "/assets/app.js",
      "/locales/:lng.json",
      "/shares.sitemap",
      "/azure.callback",
      "/auth/slack.callback",
    ];
    expect(open.filter((path) => !isPublicPath(path))).toEqual([]);
    const closed = ["/documents.create", "/shares.list", "/auth.config.update", "/api/static-pages/:id"];
    expect(closed.filter((path) => isPublicPath(path))).toEqual([]);
  });

  it("knows status and version probes, contact forms, CSP reports, public resources and the auth libraries' endpoints", () => {
    const open = [
      "/api/v1/status",
      "/api/version",
      "/contact",
      "/api/csp-report",
      "/api/v1/settings/public",
      "/api/public/locations/provinces",
      "/oauth/.well-known/oauth-authorization-server",
      "/api/v1/health/data-provider/:dataSource",
      "/api/auth/session",
      "/api/auth/:nextauth*",
      "/api/auth/:all*",
      "/api/users/authenticate",
      "/oauth/revoke",
    ];
    expect(open.filter((path) => !isPublicPath(path))).toEqual([]);
    // A parameter before the word makes it one record's: its status, its public view, its version.
    const closed = ["/orders/:id/status", "/users/:id/public", "/documents/:id/version", "/api/auth/:provider"];
    expect(closed.filter((path) => isPublicPath(path))).toEqual([]);
  });

  it("adds the project's patterns", () => {
    expect(isPublicPath("/webhooks/github", ["/webhooks/*"])).toBe(true);
    expect(isPublicPath("/webhooks/github")).toBe(false);
  });

  it("on a path relative to an unseen mount, only the defaults that may sit under any prefix apply", () => {
    expect(isPublicPath("/", [], false)).toBe(false);
    expect(isPublicPath("/robots.txt", [], false)).toBe(false);
    expect(isPublicPath("/login", [], false)).toBe(true);
    expect(isPublicPath("/", ["/"], false)).toBe(true);
  });
});
