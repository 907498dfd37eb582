/**
 * The frame of every page: zh-CN, phone first (nothing wider than the screen, tables become cards
 * below 40rem, tap targets of at least 44 px), readable without scripts, no secret in the HTML. The
 * header says who is signed in and offers only the pages of that visitor's role.
 */
import type { Child } from 'hono/jsx';
import { roleLabel } from '../platform/messages/zh-CN-labels.js';
import type { Visitor } from './visitor.js';

const CSS = `
*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.6 -apple-system,"Helvetica Neue",Arial,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#1a1a1a;background:#f1f5f2;overflow-wrap:anywhere}
a{color:#0b5a2e}header a{color:#fff}
.skip{position:absolute;left:-9999px}.skip:focus{left:.5rem;top:.5rem;z-index:9;background:#fff;color:#0b5a2e;padding:.5rem 1rem}
header{background:#1f5f3a;color:#fff;padding:.5rem .75rem}
.bar{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center;justify-content:space-between;max-width:60rem;margin:0 auto}
.brand{font-weight:700}.who{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .75rem;font-size:.95rem}
header nav{max-width:60rem;margin:.25rem auto 0}
header nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:0 1rem}
header nav a{display:inline-block;padding:.55rem 0;min-height:44px}header nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
main{max-width:60rem;margin:0 auto;padding:1rem .75rem 2rem}
h1{font-size:1.45rem;line-height:1.3;margin:.25rem 0 1rem}h2{font-size:1.15rem;margin:0 0 .6rem}h3{font-size:1rem;margin:.8rem 0 .4rem}
section{background:#fff;border-radius:.5rem;padding:1rem;margin:0 0 1rem;box-shadow:0 1px 2px #0002}
p{margin:.4rem 0}ul{padding-left:1.25rem}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:.45rem .4rem;border-bottom:1px solid #dde3de;vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
@media (max-width:40rem){
table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table.cards,table.cards tbody,table.cards tr,table.cards td,table.cards th{display:block;width:100%}
table.cards tr{border:1px solid #d3dbd5;border-radius:.5rem;padding:.4rem .75rem;margin:0 0 .75rem;background:#fff}
table.cards td,table.cards tbody th{position:relative;border:0;padding:.3rem 0 .3rem 36%;min-height:2rem;text-align:left;white-space:normal;font-weight:400}
table.cards td::before,table.cards tbody th::before{content:attr(data-label);position:absolute;left:0;top:.3rem;width:33%;font-weight:600;color:#3d3d3d}
table.cards td.action{padding-left:0}table.cards td.action::before{content:none}
table.cards ul{padding-left:1rem;margin:.2rem 0}
}
.big{font-size:2rem;font-weight:700;line-height:1.2}.muted{color:#4a4a4a}.small{font-size:.9rem}
.ok{color:#1b5e2a}.bad{color:#9c1418}.tag{display:inline-block;padding:0 .45rem;border-radius:.3rem;background:#fff4d6;color:#6b4a00;font-size:.9rem}
.tag.bad{background:#fdecea;color:#8a1013}.tag.ok{background:#e6f2e8;color:#1b5e2a}
.alert{border-left:4px solid #a4161a;background:#fdecea;color:#6e0b0e;padding:.75rem 1rem;border-radius:.3rem;margin:0 0 1rem}
.notice{border-left:4px solid #1f6d2f;background:#e6f2e8;color:#143f1e;padding:.75rem 1rem;border-radius:.3rem;margin:0 0 1rem}
.statement{border:2px solid #1f5f3a;border-radius:.4rem;padding:.75rem 1rem;background:#f7fbf8;font-size:1.05rem}
label{display:block;margin:.7rem 0 .25rem;font-weight:600}.hint{display:block;font-weight:400;color:#4a4a4a;font-size:.9rem}
input,textarea,select{display:block;width:100%;max-width:100%;min-height:44px;padding:.5rem;font:inherit;color:inherit;border:1px solid #6b6b6b;border-radius:.35rem;background:#fff}
textarea{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem}
fieldset{border:1px solid #c5cdc7;border-radius:.4rem;margin:.7rem 0;padding:.25rem .75rem .5rem;min-width:0}legend{font-weight:600;padding:0 .25rem}
.check{display:flex;align-items:center;gap:.6rem;font-weight:400;margin:.2rem 0;min-height:44px}.check input{width:1.4rem;height:1.4rem;min-height:0;flex:none;margin:0}
.actions{display:flex;flex-wrap:wrap;gap:.6rem;margin:.9rem 0 .2rem}
button,.button{display:inline-block;min-height:44px;min-width:44px;padding:.55rem 1.1rem;font:inherit;line-height:1.5;background:#1f5f3a;color:#fff;border:2px solid #1f5f3a;border-radius:.4rem;cursor:pointer;text-decoration:none;text-align:center;max-width:100%}
button.secondary,.button.secondary{background:#fff;color:#1f5f3a}button.danger{background:#9c1418;border-color:#9c1418}
header button{background:transparent;border:1px solid #fff;padding:.3rem .8rem}
form.inline{display:inline}
:focus-visible{outline:3px solid #0b0c0c;outline-offset:2px;box-shadow:0 0 0 6px #ffdd00}
header :focus-visible{outline-color:#ffdd00;box-shadow:none}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;overflow-wrap:anywhere}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.4rem 0}dt{font-weight:600;color:#3d3d3d}dd{margin:0}
@media (max-width:24rem){dl{grid-template-columns:1fr}dd{margin-bottom:.3rem}}
.chart{list-style:none;margin:.5rem 0;padding:0}
.chart li{display:grid;grid-template-columns:minmax(4rem,10rem) minmax(0,1fr) 11rem;gap:.5rem;align-items:center;padding:.3rem 0;border-bottom:1px solid #edf0ee}
.chart .name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.chart .track{position:relative;height:1rem;background:linear-gradient(#8a8a8a,#8a8a8a) center/2px 100% no-repeat}
.chart .bar{position:absolute;top:.1rem;height:.8rem;min-width:2px}.chart .up{left:50%;background:#1f6d2f}.chart .down{right:50%;background:#a4161a}
.chart .value{text-align:right;font-variant-numeric:tabular-nums;font-size:.9rem;white-space:nowrap}
@media (max-width:30rem){.chart li{grid-template-columns:minmax(0,1fr) auto}.chart .track{grid-column:1/-1;grid-row:2}}
.yaml{list-style:none;margin:0;padding:0;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
.yaml li{display:grid;grid-template-columns:3rem minmax(0,1fr);white-space:pre-wrap}.yaml .n{color:#595959;text-align:right;padding-right:.6rem;user-select:none}
.yaml li.err{background:#fdecea}.yaml .msg{grid-column:2;color:#6e0b0e;font-family:system-ui,sans-serif;font-weight:600;white-space:normal;padding:.1rem 0 .3rem}
.pager{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin:.6rem 0}
table.filing tr.group th{background:#e6f2e8;font-weight:700}table.filing tr.sub td{font-weight:600;background:#f7fbf8}
details summary{cursor:pointer;color:#0b5a2e;min-height:44px;padding:.55rem 0}
@media print{header,.skip,.noprint,details summary{display:none}body{background:#fff;font-size:11pt}main{max-width:none;padding:0}section{box-shadow:none;padding:0;margin:0 0 .75rem}details>*{display:block}}
`;

const NAV: Record<Visitor['kind'], Array<{ href: string; label: string }>> = {
  subject: [
    { href: 'me', label: '首页' },
    { href: 'me/points', label: '积分明细' },
    { href: 'me/benefits', label: '积分兑换' },
    { href: 'me/earn', label: '如何获得积分' },
    { href: 'me/credit', label: '我的信用' },
    { href: 'me/consents', label: '授权管理' },
    { href: 'me/log', label: '查询记录' },
    { href: 'me/credential', label: '信用凭证' },
  ],
  bureau: [
    { href: 'bureau', label: '工作台' },
    { href: 'bureau/allocations/new', label: '上传分配数据' },
    { href: 'bureau/drafts/new', label: '规则草案' },
    { href: 'gep', label: 'GEP核算' },
  ],
  bank: [
    { href: 'bank', label: '工作台' },
    { href: 'bank/verify', label: '核验报告' },
    { href: 'bank/history', label: '查询记录' },
  ],
  auditor: [
    { href: 'audit', label: '查询日志' },
    { href: 'gep', label: 'GEP核算' },
  ],
  recorder: [
    { href: 'records', label: '工作台' },
    { href: 'gep', label: 'GEP核算' },
  ],
};

export interface PageProps {
  title: string;
  visitor?: Visitor | undefined;
  /** The path of this page under /app/districts/{d}/, to mark it in the navigation. */
  current?: string;
  children?: Child;
}

export function Page(props: PageProps) {
  const v = props.visitor;
  const base = v ? `/app/districts/${v.districtId}` : '';
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · 生态信用服务`}</title>
        {/* Raw: JSX would escape the quotes in font names and break the declaration. */}
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <a class="skip" href="#main">
          跳到正文
        </a>
        <header>
          <div class="bar">
            <span class="brand">生态信用服务{v ? ` · ${v.districtName}` : ''}</span>
            {v ? (
              <div class="who">
                <span>
                  {v.name}
                  <span class="small">（{v.kind === 'subject' ? roleLabel(v.subjectKind) : roleLabel(v.kind)}）</span>
                </span>
                <form method="post" action={`${base}/signout`} class="inline">
                  <button type="submit">退出登录</button>
                </form>
              </div>
            ) : null}
          </div>
          {v ? (
            <nav aria-label="主要功能">
              <ul>
                {NAV[v.kind].map((n) => (
                  <li>
                    <a href={`${base}/${n.href}`} aria-current={props.current === n.href ? 'page' : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main">
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}
