/** The page shell every console page shares: one stylesheet, one small script, both served locally. */
import { html, type Html } from './html.js'

export interface PageOptions {
  title: string
  /** staff pages show the staff navigation and a logout form */
  staff?: { csrf: string }
  /** the page's own content */
  main: Html
}

export function page({ title, staff, main }: PageOptions): string {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="format-detection" content="telephone=no">
<title>${title} · 答复助手</title>
<link rel="stylesheet" href="/static/console.css">
<script src="/static/console.js" defer></script>
</head>
<body>
<header class="top">
  <a class="brand" href="/">答复助手</a>
  <nav>
    <a href="/">提问</a>
    <a href="/replies">答复目录</a>
    ${staff
      ? html`<a href="/admin">索引状态</a><a href="/admin/upload">上传</a><a href="/admin/questions">居民提问</a>
    <form method="post" action="/admin/logout" class="inline">${csrfField(staff.csrf)}<button class="link">退出</button></form>`
      : html`<a href="/admin">员工</a>`}
  </nav>
</header>
<main>
${main}
</main>
</body>
</html>
`.value
}

export const csrfField = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}">`
