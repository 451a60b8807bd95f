export const config = {
  port: process.env.PORT || 3000,
  jwtSecret: process.env.JWT_SECRET || "dev-secret-change-me",
  databaseUrl: process.env.DATABASE_URL ?? "postgres://admin:admin123@localhost:5432/shop",
  stripeKey: "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
  awsAccessKeyId: "AKIA2E0A8F3B244C9986",
  debug: process.env.DEBUG !== "false",
  requestTimeout: 5000,
};

export const DEBUG = true;
