// qrcode-terminal ships no types; this is the one call the bot makes.
declare module 'qrcode-terminal' {
  const qrcodeTerminal: { generate(text: string, options: { small?: boolean }, done: (art: string) => void): void }
  export default qrcodeTerminal
}
