/**
 * Everything tested over the repository's whole corpus: the knowledge base's ranking, the answer engine,
 * and the answers of the webhook channels. One process runs them all, so that the model, jieba and the
 * corpus index (about 3 s of CPU per process) are loaded once instead of once per file.
 */
import './corpus/search.js'
import './corpus/rerank.js'
import './corpus/answer.js'
import './corpus/scope.js'
import './corpus/reply-formats.js'
import './corpus/official-account.js'
import './corpus/wecom.js'
