import { z } from 'zod';

export const SECTIONS = ['tokens', 'inventory', 'leaks', 'audit', 'roles', 'policy', 'preferences'] as const;
export type Section = (typeof SECTIONS)[number];

const STORAGE_KEY = 'wifox.section';

export function loadSection(): Section {
  const parsed = z.enum(SECTIONS).safeParse(sessionStorage.getItem(STORAGE_KEY));
  return parsed.success ? parsed.data : 'tokens';
}

export function saveSection(section: Section): void {
  sessionStorage.setItem(STORAGE_KEY, section);
}
