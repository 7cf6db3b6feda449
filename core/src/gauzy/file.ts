/**
 * A file Gauzy answered with (a PDF, an image): its media type and bytes. The client reads answers as JSON
 * or text, which would corrupt binary ones, so those come back as this instead.
 */
export class GauzyFile {
  constructor(
    readonly mimeType: string,
    readonly bytes: Uint8Array,
  ) {}

  get size(): number {
    return this.bytes.byteLength;
  }

  toBase64(): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('base64');
  }
}

/** Media types read as bytes: documents and images Gauzy renders or stores. */
export const isFileType = (contentType: string): boolean => /^(application\/(pdf|octet-stream|zip)|image\/)/i.test(contentType.trim());
