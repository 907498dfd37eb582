import { createClient, type Jwks, verifyReport } from 'eco-credit-service/client';

/**
 * A bank's loan system checks a borrower: the consents the borrower gave the bank, a signed credit
 * report, and its verification offline against the district's keys (kept for the years the loan runs).
 */
export async function checkBorrower(baseUrl: string, bankKey: string, districtId: string, subjectId: string) {
  const api = createClient({ baseUrl, apiKey: bankKey });
  const path = { districtId };

  // 1. Did the borrower consent to this bank seeing their eco-credit?
  const consents = await api.GET('/v1/districts/{districtId}/consents', { params: { path, query: { subjectId } } });
  if (consents.error) throw new Error(`${consents.error.title}: ${consents.error.detail}`);
  const consent = consents.data.items.find((c) => c.state === 'active' && c.scopes.includes('credit'));
  if (!consent) return { outcome: 'ask the borrower to consent' as const };

  // 2. The signed report, for this bank and this purpose only.
  const issued = await api.POST('/v1/districts/{districtId}/reports', {
    params: { path },
    body: { subjectId, purpose: consent.purpose, scopes: ['credit'] },
  });
  if (issued.error) throw new Error(`${issued.error.title}: ${issued.error.detail}`);

  // 3. The district's public keys: fetch once, store them with the report.
  const keys = await api.GET('/districts/{districtId}/.well-known/jwks.json', { params: { path } });
  if (keys.error) throw new Error(keys.error.detail);
  const jwks: Jwks = keys.data;

  // 4. Verify offline: signature, issuer, audience (this bank) and validity; no call to the service.
  const verdict = await verifyReport(issued.data.report, jwks, { issuer: issued.data.issuer, audience: consent.bankClientId });
  if (!verdict.valid) return { outcome: 'not genuine' as const, reason: verdict.reason };
  return {
    outcome: 'verified' as const,
    reportId: issued.data.reportId,
    subject: verdict.payload.credentialSubject,
    report: issued.data.report,
    jwks,
  };
}
