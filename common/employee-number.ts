/**
 * Employee numbers compare case- and width-insensitively: D000004, d000004 and Ｄ０００００４ are one
 * number. Every input path stores this form (NFKC, trimmed, upper case), and a unique index on the
 * same expression in SQL (`upper(normalize(btrim(n), NFKC))`) keeps the tables to it (decision 028).
 */
export const normalizeEmployeeNumber = (value: string) => value.normalize('NFKC').trim().toUpperCase();
