/** The manual key in groups of four ("JBSW Y3DP EHPK 3PXP"), easier to read and type. */
export function groupKey(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

export const BACKUP_CODES_FILE_NAME = 'atrium-backup-codes.txt';

/** The text file a person keeps: what the codes are for, then one code a line. */
export function backupCodesText(heading: string, codes: ReadonlyArray<string>): string {
  return `${heading}\n\n${codes.join('\n')}\n`;
}

/** Saves `text` as a download, without a round trip to the server (the codes never leave). */
export function downloadTextFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL can go once this task is over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
