/** A file no reader can use; the message is the reason shown to staff, who can act on it. */
export class UnreadableFile extends Error {}
