import { z } from 'zod'

/**
 * Test runs choose their backend from the environment: with DATABASE_URL every test database is a
 * fresh database on that server, without it a fresh copy of an embedded template folder.
 */
const TestEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
})

export const testEnv = TestEnv.parse(process.env)
