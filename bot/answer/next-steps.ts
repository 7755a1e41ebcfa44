/**
 * What a reply says will happen next. Asked of the reply in the conversation (这段路以后怎么处理, 这件事下一步
 * 怎么办), the question shares no words and little meaning with the passage that answers it (我局将待方案拿出
 * 后，按照方案内容具体实施): its topic is the reply's, pointed at, not written out. The reply's passages
 * stating its next steps answer it, as its contact line answers 找谁联系. A question asking more than
 * that (这条路修好以后通不通公交车) is judged like any other.
 */

/** 以后怎么处理, 下一步怎么办, 后面怎么建, 接下来有什么打算. */
const ASKED = /(?:以后|今后|下一步|接下来|后面|后续|将来)[^，。？?]{0,6}?(?:怎么|如何|咋|怎样)(?:办|处理|做|弄|搞|建|修|推进|安排|解决|落实|打算|走)|(?:以后|今后|下一步|接下来|后续)(?:还)?(?:有|会有)?(?:什么|啥|哪些)(?:打算|计划|安排|措施|工作)|(?:打算|准备|计划)(?:怎么|如何|咋)(?:办|处理|做|弄|解决)/

/**
 * 下一步，我局将…; 今后; 拟于; 力争; 待方案拿出后: the future a reply commits to. 将 only as that (我们将, 将继续,
 * 将于), not as a preposition (现将办理情况答复如下, 将其纳入).
 */
const STATED = /下一步|今后|接下来|拟[于在将对把]|计划[于在将年]|争取|力争|待[^。；]{1,20}后|(?:我|本)[^\s，。；、]{0,3}将(?!其|办理|有关|相关|[该此这])|将(?:继续|进一步|加快|加大|加强|积极|会同|适时|持续|不断|尽快|结合|根据|按照|于|在|配合|推动|推进|做好|开展|组织|研究|协调|督促|充分|逐步|全面|重点|认真|切实)/

/** When the message asks what comes next: the message without those words, for the caller to see what else it asks. */
export function asksNextSteps(message: string): string | undefined {
  const asked = ASKED.exec(message)
  return asked ? message.replace(asked[0], ' ') : undefined
}

export function statesNextSteps(text: string): boolean {
  return STATED.test(text)
}

/** The words of a passage stating next steps, so that a long passage is quoted from the sentences holding them. */
export function nextStepWords(text: string): string[] {
  return [...text.matchAll(new RegExp(STATED.source, 'gu'))].map((match) => match[0])
}
