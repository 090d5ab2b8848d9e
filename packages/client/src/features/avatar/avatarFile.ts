/** What the server takes: it re-encodes and resizes, but refuses anything else. */
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;

/** For the file input's `accept`, so the picker offers these first. */
export const AVATAR_ACCEPT = AVATAR_TYPES.join(',');

export type AvatarFileProblem = 'type' | 'size' | 'empty';

/**
 * Checked before uploading, so a wrong or huge file costs no upload. `accept` is only a hint to
 * the picker (a person can still choose "All files"), so the type is checked here too.
 */
export function avatarFileProblem(file: Pick<File, 'type' | 'size'>): AvatarFileProblem | null {
  if (!AVATAR_TYPES.some((type) => type === file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > AVATAR_MAX_BYTES) return 'size';
  return null;
}

/** "AL" for Ada Lovelace; the first letter of the email when there is no name. */
export function initialsOf(fullName: string, email: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const letters =
    words.length === 0
      ? [email.trim().charAt(0)]
      : words.length === 1
        ? [words[0].charAt(0)]
        : [words[0].charAt(0), words[words.length - 1].charAt(0)];
  return letters.join('').toLocaleUpperCase();
}
