/** Small real files of each type, built from their magic bytes, for upload tests. */
export function fakeFile(type: 'pdf' | 'png' | 'jpg' | 'mp3' | 'mp4' | 'exe', size = 1024, name?: string): File {
  const heads: Record<string, number[]> = {
    pdf: [...Buffer.from('%PDF-1.7\n')],
    png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    jpg: [0xff, 0xd8, 0xff, 0xe0],
    mp3: [...Buffer.from('ID3'), 0x03, 0x00],
    mp4: [0, 0, 0, 0x18, ...Buffer.from('ftypmp42')],
    exe: [0x4d, 0x5a, 0x90, 0x00],
  };
  const bytes = new Uint8Array(size);
  bytes.set(heads[type]!.slice(0, size));
  for (let i = heads[type]!.length; i < size; i++) bytes[i] = (i * 31) % 251;
  return new File([bytes], name ?? `file.${type}`);
}
