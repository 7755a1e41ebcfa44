/**
 * WeChat callback crypto against the test vectors published with Tencent's WXBizMsgCrypt sample code
 * (the Official Account Python sample, the Java sample's WXBizMsgCryptTest, the WeCom sample's URL
 * verification), so that a real WeChat server and this bot agree byte for byte.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CryptoError, MessageCrypto, signature, signatureMatches } from '../bot/channels/callback/crypto.js'

test('Official Account sample: msg_signature and decryption of a safe-mode message', () => {
  const crypto = new MessageCrypto('spamtest', 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', 'wx2c2769f8efd9abc2')
  const encrypted =
    'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE='
  assert.equal(crypto.sign('1409735669', '1320562132', encrypted), '5d197aaffba7e9b25a30732f161a50dee96bd5fa')
  const xml = crypto.decrypt(encrypted)
  assert.match(xml, /<Content><!\[CDATA\[abcdteT\]\]><\/Content>/)
  assert.match(xml, /<MsgId>6054768590064713728<\/MsgId>/)
  assert.throws(() => new MessageCrypto('spamtest', 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', 'wx_other_app').decrypt(encrypted), CryptoError, 'a message for another AppID is refused')
})

test('Java sample: encryption with a known random prefix gives the published ciphertext', () => {
  const crypto = new MessageCrypto('pamtest', 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', 'wxb11529c136998cb6')
  const encrypted = crypto.encrypt('我是中文abcd123', Buffer.from('aaaabbbbccccdddd'))
  assert.equal(encrypted, 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==')
  assert.equal(crypto.decrypt(encrypted), '我是中文abcd123')
})

test('WeCom sample: URL verification signature and the decrypted echostr', () => {
  const crypto = new MessageCrypto('QDG6eK', 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', 'wx5823bf96d3bd56c7')
  const echostr = 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=='
  assert.ok(signatureMatches('5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3', crypto.sign('1409659589', '263014780', echostr)))
  assert.equal(crypto.decrypt(echostr), '1616140317555161061')
})

test('a random prefix makes each encryption different, and each decrypts; tampering is refused', () => {
  const crypto = new MessageCrypto('token', 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', 'ww123')
  const message = '<xml><Content><![CDATA[' + '答'.repeat(700) + ']]></Content></xml>'
  const [a, b] = [crypto.encrypt(message), crypto.encrypt(message)]
  assert.notEqual(a, b)
  assert.equal(crypto.decrypt(a), message)
  const tampered = Buffer.from(a, 'base64')
  tampered[tampered.length - 1] ^= 0xff
  assert.throws(() => crypto.decrypt(tampered.toString('base64')), CryptoError)
  assert.ok(!signatureMatches('0'.repeat(40), signature('token', '1', '2')))
  assert.ok(!signatureMatches(undefined, signature('token', '1', '2')))
})
