import { describe, expect, it } from "vitest";

import { getRouteSensitivity, isSignUpRoute } from "../../src/frameworks/get-route-sensitivity.js";

describe("getRouteSensitivity", () => {
  it("a route that updates or deletes changes data, whatever its path", () => {
    expect(getRouteSensitivity(["DELETE"], ["/api/artists/:id"])).toBe("changes-data");
    expect(getRouteSensitivity(["PUT"], [])).toBe("changes-data");
    expect(getRouteSensitivity(["GET", "PATCH"], ["/notes/:id"])).toBe("changes-data");
  });

  it("a path that names account data, in any segment and spelling", () => {
    expect(getRouteSensitivity(["GET"], ["/api/users/:id"])).toBe("account-data");
    expect(getRouteSensitivity(["GET"], ["/api/v1/user/:id"])).toBe("account-data");
    expect(getRouteSensitivity(["GET"], ["/api/orderInfos"])).toBe("account-data");
    expect(getRouteSensitivity(["ALL"], ["/api/teams/:teamId/documents/document-processing-status"])).toBe(
      "account-data",
    );
    expect(getRouteSensitivity(["POST"], ["/api/payments/verify-recipient"])).toBe("account-data");
    expect(getRouteSensitivity(["GET"], ["/me"])).toBe("account-data");
    expect(getRouteSensitivity(["POST"], ["/api/users.update"])).toBe("account-data");
    expect(getRouteSensitivity(["GET"], ["/api/catalogue", "/api/billing/summary"])).toBe("account-data");
  });

  it("a sign-up, a catalogue, a form, analytics, a share link: left to the product", () => {
    expect(getRouteSensitivity(["POST"], ["/users"])).toBeUndefined();
    expect(getRouteSensitivity(["POST"], ["/api/v1/accounts"])).toBeUndefined();
    expect(getRouteSensitivity(["POST"], ["/api/user/create"])).toBeUndefined();
    expect(getRouteSensitivity(["GET"], ["/api/artists"])).toBeUndefined();
    expect(getRouteSensitivity(["POST"], ["/api/enquiries"])).toBeUndefined();
    expect(getRouteSensitivity(["POST"], ["/api/record_view"])).toBeUndefined();
    expect(getRouteSensitivity(["GET"], ["/s/:shareId"])).toBeUndefined();
    expect(getRouteSensitivity([], [])).toBeUndefined();
  });

  it("a parameter is not a word of the path; a create for someone else is not a sign-up", () => {
    expect(getRouteSensitivity(["GET"], ["/api/links/:userId"])).toBeUndefined();
    expect(getRouteSensitivity(["POST"], ["/api/admin/users"])).toBe("account-data");
    expect(getRouteSensitivity(["POST"], ["/api/teams/:teamId/members"])).toBe("account-data");
    expect(getRouteSensitivity(["GET"], ["/users"])).toBe("account-data");
  });

  it("a sign-up is a POST to a users collection or its create action, with no parameter", () => {
    expect(isSignUpRoute(["POST"], ["/users"])).toBe(true);
    expect(isSignUpRoute(["POST"], ["/api/user/create"])).toBe(true);
    expect(isSignUpRoute(["POST"], ["/api/v1/members/join"])).toBe(true);
    expect(isSignUpRoute(["GET"], ["/users"])).toBe(false);
    expect(isSignUpRoute(["POST"], ["/api/admin/users"])).toBe(false);
    expect(isSignUpRoute(["POST"], ["/teams/:teamId/members"])).toBe(false);
    expect(isSignUpRoute(["POST"], ["/api/enquiries"])).toBe(false);
    expect(isSignUpRoute(["POST"], [])).toBe(false);
  });
});
