import { z } from "zod";

// The demo sign-in picker's list: the reply schema and the web's type.

export const DemoAccounts = z.object({
  password: z.string(),
  accounts: z.array(
    z.object({
      email: z.string(),
      displayName: z.string(),
      role: z.string(),
      description: z.string(),
    }),
  ),
});
export type DemoAccounts = z.infer<typeof DemoAccounts>;
