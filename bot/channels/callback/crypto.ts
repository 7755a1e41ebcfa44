/**
 * WeChat's callback message crypto (the scheme of Tencent's WXBizMsgCrypt sample code), shared by the
 * Official Account (receive id = AppID) and WeCom (receive id = CorpID):
 *  - signature = sha1 of the sorted, concatenated [token, timestamp, nonce(, encrypted)];
 *  - AES-256-CBC, key = base64(EncodingAESKey + '='), IV = the key's first 16 bytes, PKCS#7 padding
 *    to a multiple of 32 bytes (not the cipher's 16, hence padding by hand);
 *  - plaintext = random(16) + message length (4 bytes, big endian) + message + receive id.
 * Written on node:crypto: the npm ports of the sample are unmaintained or pull in crypto-js.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto'

const BLOCK = 32

export class CryptoError extends Error {}

export function signature(...parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex')
}

/** Constant-time comparison of a received signature with the expected one. */
export function signatureMatches(received: unknown, expected: string): boolean {
  if (typeof received !== 'string' || received.length !== expected.length) return false
  return timingSafeEqual(Buffer.from(received.toLowerCase()), Buffer.from(expected))
}

export class MessageCrypto {
  private readonly key: Buffer

  constructor(
    readonly token: string,
    encodingAesKey: string,
    /** AppID (Official Account) or CorpID (WeCom): what messages are encrypted for */
    readonly receiveId: string,
  ) {
    this.key = Buffer.from(`${encodingAesKey}=`, 'base64')
    if (this.key.length !== 32) throw new CryptoError('EncodingAESKey must decode to 32 bytes')
  }

  /** msg_signature of an encrypted message or echostr */
  sign(timestamp: string, nonce: string, encrypted: string): string {
    return signature(this.token, timestamp, nonce, encrypted)
  }

  encrypt(message: string, random: Buffer = randomBytes(16)): string {
    const body = Buffer.from(message, 'utf8')
    const length = Buffer.alloc(4)
    length.writeUInt32BE(body.length)
    const plain = Buffer.concat([random, length, body, Buffer.from(this.receiveId, 'utf8')])
    const pad = BLOCK - (plain.length % BLOCK)
    const cipher = createCipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16)).setAutoPadding(false)
    return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64')
  }

  /** The message inside `encrypted`; throws CryptoError when it is not for this receive id or is damaged. */
  decrypt(encrypted: string): string {
    let plain: Buffer
    try {
      const decipher = createDecipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16)).setAutoPadding(false)
      plain = Buffer.concat([decipher.update(encrypted, 'base64'), decipher.final()])
    } catch {
      throw new CryptoError('cannot decrypt the message')
    }
    const pad = plain.at(-1) ?? 0
    if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) throw new CryptoError('bad padding')
    const content = plain.subarray(0, plain.length - pad)
    const length = content.readUInt32BE(16)
    if (20 + length > content.length) throw new CryptoError('bad message length')
    const receiveId = content.subarray(20 + length).toString('utf8')
    if (receiveId !== this.receiveId) throw new CryptoError('the message is for another AppID/CorpID')
    return content.subarray(20, 20 + length).toString('utf8')
  }
}
