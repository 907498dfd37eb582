/** The frame of every page: zh-CN, mobile first, readable without scripts, no secret in the HTML. */
import type { Child } from 'hono/jsx';

const CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#1a1a1a;background:#f6f8f6}
header{background:#1f5f3a;color:#fff;padding:.75rem 1rem}header a{color:#fff}main{max-width:56rem;margin:0 auto;padding:1rem}
section{background:#fff;border-radius:.5rem;padding:1rem;margin:0 0 1rem;box-shadow:0 1px 2px #0001}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.15rem;margin:0 0 .5rem}
table{width:100%;border-collapse:collapse}td,th{word-break:keep-all}@media (max-width:30rem){table{font-size:.9rem}}th,td{text-align:left;padding:.35rem;border-bottom:1px solid #e3e3e3;vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums}.big{font-size:2rem;font-weight:700}
.ok{color:#1f6d2f}.bad{color:#a4161a}.muted{color:#555}
label{display:block;margin:.5rem 0 .2rem;font-weight:600}input,textarea,select{width:100%;padding:.5rem;font:inherit;border:1px solid #767676;border-radius:.3rem}
button{white-space:nowrap;padding:.5rem 1rem;font:inherit;background:#1f5f3a;color:#fff;border:0;border-radius:.3rem;cursor:pointer}button.link{background:none;color:#a4161a;padding:0;text-decoration:underline}
:focus-visible{outline:3px solid #e0a800;outline-offset:2px}
`;

export function Page(props: { title: string; signedIn?: string | undefined; children: Child }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · 生态信用服务`}</title>
        <style>{CSS}</style>
      </head>
      <body>
        <header>
          <strong>生态信用服务</strong>
          {props.signedIn ? (
            <form method="post" action="/app/signout" style="display:inline;float:right">
              <span>{props.signedIn} </span>
              <button type="submit" class="link" style="color:#fff">
                退出
              </button>
            </form>
          ) : null}
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}
