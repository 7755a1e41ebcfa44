/** Worker thread of keywordIndexJson (keyword.ts): builds the keyword index of the passages it is given and hands back its JSON. */
import { parentPort, workerData } from 'node:worker_threads'
import { KeywordIndex, type KeywordFields } from './keyword.js'

parentPort!.postMessage(JSON.stringify(KeywordIndex.build(workerData as KeywordFields[])))
