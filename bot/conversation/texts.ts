/** What the bot says besides answers: short, polite, and each with a way forward. */
export const EXAMPLE_QUESTION = '一网通办的网办率是多少？'

export const TEXT_ONLY = `您好，我目前只能读懂文字提问，暂时无法处理图片、语音、文件、链接、表情或视频。请直接用文字提问，例如：“${EXAMPLE_QUESTION}”`

export const RATE_LIMITED = '您的提问有点多，请稍等一分钟再问，谢谢理解。这段时间内的其余消息将不再回复。'

export const APOLOGY = '抱歉，处理这条消息时出了点问题，请稍后再试，或换个说法提问。'

export const ADMIN_ONLY = `抱歉，这个命令仅限管理员使用。您可以直接提问，例如：“${EXAMPLE_QUESTION}”`

export const REFRESH_BUSY = '已有一次更新正在进行，完成后会回复结果，请稍候。'

export const REFRESH_STARTED = '开始更新答复库，完成后回复结果……'

/** Before the help text, to someone who just followed the Official Account. */
export const WELCOME = '感谢关注！'
