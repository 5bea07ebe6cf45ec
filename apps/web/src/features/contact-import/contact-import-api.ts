import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';

export interface ImportMapping {
  name: number;
  email: number;
  phone: number | null;
  company: number | null;
}

/** The file's bytes as base64: the server detects UTF-8 or Windows-1252 itself. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function usePreviewImport() {
  return useMutation({ mutationFn: (fileBase64: string) => unwrap(api.admin['contact-import'].preview.$post({ json: { fileBase64 } })) });
}

export function useRunImport() {
  return useMutation({
    mutationFn: (json: { fileBase64: string; mapping: ImportMapping; dryRun: boolean; invite: boolean }) => unwrap(api.admin['contact-import'].$post({ json })),
  });
}
