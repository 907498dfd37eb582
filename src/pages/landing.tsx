/**
 * What a newcomer sees at the service's root: people opening it in a browser land on a small zh-CN page
 * that leads to the pages and the API documentation; an API client asking for JSON gets the same links.
 */
import type { Context } from 'hono';

const LINKS = { app: '/app', docs: '/docs', openapi: '/openapi.json', health: '/health' } as const;

export function landing(c: Context, version: string) {
  const accept = c.req.header('accept') ?? '';
  if (!accept.includes('text/html')) {
    return c.json({ name: 'eco-credit-service', title: '生态信用服务', version, links: LINKS });
  }
  return c.html(
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>生态信用服务</title>
        <style>{`body{margin:0;font:16px/1.6 system-ui,"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#1a1a1a;background:#f6f8f6}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}h1{font-size:1.5rem;color:#1f5f3a}
a.card{display:block;background:#fff;border-radius:.5rem;padding:1rem;margin:0 0 1rem;box-shadow:0 1px 2px #0001;color:#1f5f3a;text-decoration:none}
a.card strong{display:block;font-size:1.1rem}a.card span{color:#444}:focus-visible{outline:3px solid #e0a800;outline-offset:2px}`}</style>
      </head>
      <body>
        <main>
          <h1>生态信用服务</h1>
          <p>生态信用档案与积分、GEP 生态贷、生态补偿分配和经签名的信用报告。</p>
          <a class="card" href={LINKS.app}>
            <strong>进入服务</strong>
            <span>居民、企业查看积分与信用；财政局、银行工作人员登录办理。</span>
          </a>
          <a class="card" href={LINKS.docs}>
            <strong>接口文档</strong>
            <span>供银行和系统对接人员查阅的 OpenAPI 文档。</span>
          </a>
        </main>
      </body>
    </html>,
  );
}
