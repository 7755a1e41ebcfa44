declare module 'pino-roll' {
  import type SonicBoom from 'sonic-boom'
  import type { SonicBoomOpts } from 'sonic-boom'
  interface PinoRollOptions extends Omit<SonicBoomOpts, 'dest'> {
    file: string
    size?: string | number
    frequency?: 'daily' | 'hourly' | number
    dateFormat?: string
    extension?: string
    symlink?: boolean
    limit?: { count: number; removeOtherLogFiles?: boolean }
  }
  export default function roll(options: PinoRollOptions): Promise<SonicBoom>
}
