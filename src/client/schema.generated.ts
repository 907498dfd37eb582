// Generated from the OpenAPI document by `npm run client:generate` (openapi-typescript): do not edit.
export interface paths {
    "/districts/{districtId}/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public keys that verify the district’s reports (no credentials needed)
         * @description The active key and every retired key that signed a report not yet expired. Derived from a report’s issuer: `{iss}/.well-known/jwks.json`.
         */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process answers
         * @description Touches neither the database nor the keys, so it stays fast and says only that the process is alive. Needs no credentials.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: the database answers, its schema is current, the signing keys are loaded
         * @description Each check with what it found. 503 (`not-ready`) while any fails: keep the instance out of rotation. Needs no credentials; the reasons name no secret and no raw error.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The district a key belongs to
         * @description Any API key of the district, or a subject token: the district's id and name. A key of another district gets 403.
         */
        get: operations["getDistrict"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/allocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Allocate a fund with the rule set in force, and keep the run
         * @description The result sums exactly to the fund, to the fen (largest remainder, ties stated), and records the version and inputs so that it can be re-run years later.
         */
        post: operations["runAllocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/allocations/{allocationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An allocation as it was run; with recompute=true, run again from its stored version and inputs and say whether it matches to the fen
         * @description For the bureau and auditors: the allocation as run, with the rule set id and hash, the inputs and every step. `recompute=true` runs it again from the stored version and inputs and says whether it matches to the fen.
         */
        get: operations["getAllocation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/banks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The banks of the district a subject can give consent to
         * @description The banks (bank clients) of the district, by id and name, so that a subject can choose whom to give consent to.
         */
        get: operations["listBanks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/benefits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Benefits of the district, with what is left of each
         * @description Every caller of the district: benefits with their cost, holder kinds, dates and what is left of the stock.
         */
        get: operations["listBenefits"];
        put?: never;
        /**
         * Register a benefit that points can buy
         * @description For the bureau: what a benefit costs in points, who may redeem it, its stock (omitted: unlimited) and the dates it is on offer.
         */
        post: operations["createBenefit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Consents: a subject sees its own, a bank those given to it, the bureau and auditors all
         * @description A subject sees its own consents, a bank those given to it, the bureau and auditors all; each with its state (active, revoked, expired) and evidence.
         */
        get: operations["listConsents"];
        put?: never;
        /**
         * Let a bank see your eco-credit for a purpose (with your own token)
         * @description Valid for 90 days unless `expiresAt` says otherwise, at most one year; revocable at any time. Stored with its evidence.
         */
        post: operations["grantConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/consents/{consentId}/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a consent at once
         * @description With the subject's own token: the consent ends at once; no report is delivered on it from then on.
         */
        post: operations["revokeConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/credit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record one event or a batch of up to 10 000, all or nothing
         * @description Each line is checked against the behaviour list: the code, whether your agency may record it, the dates, the amounts and their units. One bad line rejects the batch and is named by its pointer and line number. Lines with an externalId already recorded (same content) are reported as duplicates and not written twice.
         */
        post: operations["recordCreditEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/credit-events/{eventId}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Object to an event in your own file
         * @description With the subject’s own token. The event is marked disputed in every score and report until the objection is answered (within 20 days).
         */
        post: operations["fileObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/credit-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The red list (守信激励) and black list (失信惩戒) of the district
         * @description For the bureau and auditors: subjects on the red list (守信激励) and the black list (失信惩戒), each with the events that put it there and until when they count.
         */
        get: operations["listCreditLists"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/gep-units/{unitCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or update a GEP accounting unit (a district, town, plot or project)
         * @description The bureau or a recording agency: creates the unit (201) or updates its owner, area and ecosystems (200). Measurements are recorded separately, per year and indicator.
         */
        put: operations["upsertGepUnit"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/gep-units/{unitCode}/accounts/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The GEP account of a unit for a year, indicator by indicator
         * @description Each indicator’s quantity, price and value; subtotals, categories and the total add up exactly to the fen. Indicators without data are listed as not assessed, never counted as zero.
         */
        get: operations["getGepAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/gep-units/{unitCode}/measurements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a year’s measurements per indicator, with their units and sources
         * @description Each value must come in a unit convertible to the indicator’s (万立方米 for m3 is fine; tonnes for m3 is not). All or nothing.
         */
        post: operations["recordGepMeasurements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/loan-assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An indicative GEP eco-loan ceiling with reasons (not an approval)
         * @description Needs the borrower’s consent for your bank for loan-application with scopes credit and gep-assets. Returns eligibility with every failed condition, the ceiling per pledge and in total (after the grade’s line multiplier and the product cap), the rate adjustment, the reasons and the rule set ids. The assessment id can be put in a signed report.
         */
        post: operations["assessGepLoan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/loan-products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GEP eco-loan products in force, with their conditions, pledge ratios, caps and rate table
         * @description Any caller of the district: the loan-product rule files in force, each with its eligibility conditions, pledge types and ratios, caps, longest term and rate table.
         */
        get: operations["listLoanProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The subject named by the caller’s own token
         * @description With a subject token: the record registered for the ID number or USCC the identity provider asserted. 404 until an agency has registered the subject.
         */
        get: operations["getOwnSubject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Objections: a subject sees its own; the bureau sees all, e.g. the overdue ones
         * @description Open and answered objections with their deadlines (20 days); `overdue=true` lists those past it. A subject sees only its own.
         */
        get: operations["listObjections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/objections/{objectionId}/resolution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer an objection: uphold it (the event is reversed) or reject it with a reason
         * @description The bureau or a recording agency. Upheld: the event is reversed by a correction in the same step. Rejected: the event stands and the reason is kept.
         */
        post: operations["resolveObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/points/awards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Award points for an action in the catalogue
         * @description The catalogue decides the points (fixed, or per unit of the amount), the caps per day and month, the de-duplication key and when the points can be spent and expire. An award over a cap is cut to what is left and the refused part is reported; when nothing is left, 422 and nothing is written.
         */
        post: operations["awardPoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/points/awards/{entryId}/reversal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take back what is left of an award (never below a zero balance)
         * @description The bureau or a recording agency: a reverse entry takes back what is left of it (points already spent stay spent), and the answer is that entry.
         */
        post: operations["reversePointsAward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/points/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Spend points on a benefit (with the holder’s own token)
         * @description Never overdraws the balance and never oversells the benefit, also under concurrent requests: both checks are part of the statements that write.
         */
        post: operations["redeemPoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/points/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Points issued, redeemed, expired and reversed per action code and month
         * @description For the bureau and auditors: points issued, expired and reversed per action code and month, and points redeemed per month.
         */
        get: operations["getPointsStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/query-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who read a subject’s data: a subject sees its own log, auditors all
         * @description Every report and every read of a subject's data by anyone but the subject, newest first: who, when, for what purpose, under which consent. A subject sees its own; auditors all.
         */
        get: operations["listQueryLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a signed eco-credit report on a subject who consented
         * @description Needs a live consent of the subject for your bank, this purpose and these scopes; otherwise 403 with the reason and nothing is delivered. The report is a compact JWS (EdDSA, `typ: vc+jwt`, a W3C VC 2.0 credential) for your bank as audience, verifiable offline against the JWKS at `{issuer}/.well-known/jwks.json`. Every report is in the subject’s query log.
         */
        post: operations["issueCreditReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/reports/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a report: its payload if genuine, the exact reason if not
         * @description Verifies against the district’s published JWKS, or against a `jwks` you send (e.g. one saved years ago). Reasons: malformed, unknown-kid, bad-signature, expired, not-yet-valid, wrong-audience, wrong-issuer, wrong-type. A bank’s own audience is checked unless `audience` names another.
         */
        post: operations["verifyCreditReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/rule-set-versions/{versionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One stored version with its source
         * @description The stored YAML source of one version, byte for byte as uploaded, with its hash and status: what any result that cites this version was computed from.
         */
        get: operations["getRuleSetVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/rule-set-versions/{versionId}/publication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a draft version from a date on (today or later)
         * @description The version stays immutable; the publication is recorded with who and when, and takes effect on its date.
         */
        post: operations["publishRuleSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/rule-set-versions/{versionId}/simulation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a draft (or any version) on given inputs, or on the last run’s, without storing anything
         * @description For the bureau: runs the allocation of a version (a draft, or the one in force) on the inputs given, or on those of its last run, and returns the full result without storing anything.
         */
        post: operations["simulateRuleSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/rule-sets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a draft rule set version
         * @description Stores the file as an immutable draft version named by its content hash. Uploading the same content again returns the stored version.
         */
        post: operations["uploadRuleSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/rule-sets/{ruleSetId}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Who gains and who loses how many yuan if a version replaces the published one
         * @description Both versions run on the same inputs (given, or the last run’s). Per recipient: change in yuan and percent, and who crossed a floor or cap; summary statistics (mean, median, Gini) before and after.
         */
        post: operations["diffRuleSets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/rule-sets/{ruleSetId}/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Try a scorecard on given facts
         * @description Evaluates the published version in force on `onDate` (default today) and returns the score, grade and a trace of every item that contributed.
         */
        post: operations["evaluateRuleSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/rule-sets/{ruleSetId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The history of a rule set: every stored version, newest first
         * @description For the bureau and auditors: every version of the rule set, drafts and publications, each with its hash, who stored or published it and from when it applies.
         */
        get: operations["listRuleSetVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/rule-sets/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a rule file without storing it
         * @description Parses the YAML, validates it against its kind and compiles it. Errors name the line and field.
         */
        post: operations["validateRuleSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/subjects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Subjects of the district, oldest first, a page at a time
         * @description For the bureau and auditors. Firms with their USCC and name, residents only by their masked ID number; `nextCursor` pages on.
         */
        get: operations["listSubjects"];
        put?: never;
        /**
         * Register a firm or a resident
         * @description Validates the check character (and for residents the birth date), then stores a keyed hash and a display form. A resident ID number is never stored.
         */
        post: operations["registerSubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/subjects/{subjectId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A subject by id
         * @description Bureaus, recorders and auditors of the district; or the subject itself. Banks see subjects only through consented reports.
         */
        get: operations["getSubject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/subjects/{subjectId}/credit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A subject's credit file, in the order it was recorded
         * @description Events and corrections as recorded, each with its agency, evidence and amounts; a correction names the event it cancels. A subject reads its own file with its token; every read by anyone else is in the subject's query log.
         */
        get: operations["listCreditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/subjects/{subjectId}/credit-events/{eventId}/reversal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an event with a correcting event
         * @description Events are never edited or deleted. The recording agency or the bureau cancels one with a new event that points at it; a correction cannot itself be reversed.
         */
        post: operations["reverseCreditEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/subjects/{subjectId}/credit-score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A subject's score and grade, with a reason for every point
         * @description Computed from the credit file on every call. `asOf` reproduces the score as it was at that moment, with the rules then in force, ignoring anything recorded later. Disputed events are marked.
         */
        get: operations["getCreditScore"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/subjects/{subjectId}/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A holder’s points: balance, pending, expiring in 30 days, recent history, benefits on offer
         * @description The holder with its token, or the bureau and auditors: points available now, pending (credited later), expiring within 30 days, the latest entries and the benefits on offer. Expiry is applied first.
         */
        get: operations["getPointsAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/subjects/{subjectId}/points/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every change to a holder’s points, oldest first, with its reason
         * @description Earn, expire, redeem and reverse entries with their reasons and the rule set that gave them; the balance is their sum. `nextCursor` pages on.
         */
        get: operations["listPointsLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/subjects/{subjectId}/points/sources/{source}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Switch a data source on or off: awards from a source switched off are refused from then on
         * @description With the holder's own token: from now on awards from this source are refused (403 `source-switched-off`), or accepted again. Points already earned stay.
         */
        put: operations["setPointsSourceConsent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/subjects/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find a subject by its USCC or ID number
         * @description A POST so that the identifier never appears in a URL or an access log.
         */
        post: operations["lookupSubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Allocation: {
            createdAt: string;
            id: string;
            result: components["schemas"]["AllocationResult"];
            versionId: string;
        };
        /**
         * @example {
         *       "period": "2026",
         *       "fund": "50000000.00",
         *       "recipients": [
         *         {
         *           "id": "chenjia-town",
         *           "name": "陈家镇",
         *           "values": {
         *             "gep": "8120000000",
         *             "redline_area": "5210",
         *             "forest_area": "3120",
         *             "assessment": "92",
         *             "last_year": "9800000.00"
         *           }
         *         },
         *         {
         *           "id": "xinhe-town",
         *           "name": "新河镇",
         *           "values": {
         *             "gep": "3050000000",
         *             "redline_area": "1810",
         *             "forest_area": "1420",
         *             "assessment": "85",
         *             "last_year": "3900000.00"
         *           }
         *         }
         *       ]
         *     }
         */
        AllocationInput: {
            /** @example 50000000.00 */
            fund?: string;
            /** @description Fill this input from the GEP account of the unit whose code is the recipient's id */
            gep?: {
                input: string;
                year: number;
            };
            /** @description Negotiated parameters, each within its declared range */
            parameters?: {
                [key: string]: string;
            };
            /** @example 2026 */
            period: string;
            /** @default [] */
            recipients: {
                id: string;
                name?: string;
                values: {
                    [key: string]: string;
                };
            }[];
            /** @description Agreement-level inputs, e.g. concentrations at the boundary section */
            values?: {
                [key: string]: string;
            };
        };
        AllocationResult: {
            flows?: {
                amount: string;
                payee: string;
                payer: string;
            }[];
            fund: string | null;
            index?: {
                direction: string;
                formula: string;
                threshold: string;
                value: number;
            };
            net?: {
                contributes: string;
                net: string;
                party: string;
                receives: string;
            }[];
            parameters: {
                [key: string]: string;
            };
            period: string;
            recipients: {
                /** @description Yuan to the fen */
                amount: string;
                components: {
                    after: string;
                    before: string;
                    name: string;
                    note?: string;
                }[];
                /** @enum {string|null} */
                constrained: "floor" | "cap" | null;
                /** @description Before rounding */
                exact: string;
                id: string;
                inputs: {
                    [key: string]: string;
                };
                name: string | null;
                /** @description Each factor normalised: x_i / Σx */
                shares: {
                    [key: string]: string;
                };
                weights: {
                    [key: string]: string;
                };
            }[];
            rounding: {
                /** @enum {string} */
                method: "largest-remainder";
                tieBreak: string;
                /** @enum {string} */
                unit: "0.01";
            };
            ruleSet: components["schemas"]["RuleSetRef"];
            /** @enum {string} */
            scheme: "split" | "bilateral" | "pool" | "payroll";
            total: string;
        };
        /**
         * @example {
         *       "subjectId": "sub_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b",
         *       "productId": "gep-eco-loan",
         *       "pledges": [
         *         {
         *           "type": "gep",
         *           "unitCode": "dongtan-wetland-plot-07"
         *         }
         *       ],
         *       "requestedAmount": "800000.00",
         *       "termMonths": 36,
         *       "guarantee": "guaranteed",
         *       "ecoPledgeSigned": true
         *     }
         */
        AssessGepLoan: {
            /** @default false */
            ecoPledgeSigned: boolean;
            /**
             * @default none
             * @enum {string}
             */
            guarantee: "none" | "guaranteed" | "collateral";
            pledges: components["schemas"]["LoanPledge"][];
            productId: string;
            /** @example 500000.00 */
            requestedAmount: string;
            subjectId: string;
            termMonths: number;
        };
        /**
         * @example {
         *       "holder": {
         *         "kind": "resident",
         *         "idNumber": "310230198503121233"
         *       },
         *       "action": "WASTE-SORTING",
         *       "occurredOn": "2026-11-24"
         *     }
         */
        AwardPoints: {
            action: string;
            amount?: {
                unit: string;
                value: string;
            };
            evidence?: string;
            holder: components["schemas"]["SubjectRef"];
            occurredOn?: string;
            /** @description What makes the award unique where the catalogue says so, e.g. a bill number */
            reference?: string;
        };
        Benefit: {
            cost: number;
            description: string | null;
            holderKinds: ("resident" | "firm")[];
            id: string;
            left: number | null;
            name: string;
            /** @description null: unlimited */
            stock: number | null;
            validFrom: string;
            validUntil: string;
        };
        Consent: {
            bankClientId: string;
            bankName: string;
            evidence: {
                [key: string]: unknown;
            };
            expiresAt: string;
            grantedAt: string;
            id: string;
            /** @enum {string} */
            purpose: "loan-application" | "post-loan-management" | "guarantee";
            revokedAt: string | null;
            scopes: ("credit" | "points-summary" | "gep-assets")[];
            /** @enum {string} */
            state: "active" | "revoked" | "expired";
            subjectId: string;
        };
        CountedEvent: {
            code: string;
            disputed: boolean;
            endedOn: string | null;
            eventId: string;
            occurredOn: string;
            points: number;
            stopsCountingOn: string;
            title: string;
            uncappedPoints?: number;
        };
        CreditEvent: {
            agency: string;
            amounts: components["schemas"]["EventAmount"][];
            code: string;
            /** @description The subject has an open objection to it */
            disputed: boolean;
            endedOn: string | null;
            evidence: string;
            externalId: string | null;
            id: string;
            note: string | null;
            occurredOn: string;
            recordedAt: string;
            /** @description The correction that cancels this event, if any */
            reversedBy: string | null;
            /** @description Set on a correction: the event it cancels */
            reversesEventId: string | null;
            subjectId: string;
        };
        CreditEventInput: {
            amounts?: components["schemas"]["EventAmount"][];
            /** @example ENV-PENALTY */
            code: string;
            /** @description When the behaviour ended (retention counts from here); defaults to occurredOn */
            endedOn?: string;
            /**
             * @description A document number or URL
             * @example 沪崇环罚〔2026〕45号
             */
            evidence: string;
            /** @description The agency's own reference: sending it again is a no-op */
            externalId?: string;
            note?: string;
            /** @example 2026-10-12 */
            occurredOn: string;
            subject: components["schemas"]["SubjectRef"];
        };
        CreditLists: {
            items: {
                /** @enum {string} */
                list: "red" | "black";
                reasons: {
                    code: string;
                    eventId: string;
                    occurredOn: string;
                    title: string;
                    until: string;
                }[];
                subject: {
                    displayId: string;
                    id: string;
                    /** @enum {string} */
                    kind: "firm" | "resident";
                    name: string | null;
                };
            }[];
        };
        CreditScore: {
            asOf: string;
            disputed: {
                dueOn: string;
                eventId: string;
                objectionId: string;
                statement: string;
            }[];
            grade: string;
            gradeLabel: string;
            items: {
                events: components["schemas"]["CountedEvent"][];
                fact?: string;
                id: string;
                points: number;
                reason: string;
                uncapped?: number;
                value?: number | boolean | string;
            }[];
            lists: {
                code: string;
                eventId: string;
                /** @enum {string} */
                list: "red" | "black";
                title: string;
                until: string;
            }[];
            overrides: {
                events: components["schemas"]["CountedEvent"][];
                grade: string;
                id: string;
                reason: string;
            }[];
            ruleSets: {
                behaviourList: components["schemas"]["RuleSetRef"];
                scorecard: components["schemas"]["RuleSetRef"];
            };
            score: number;
            /** @description The grade the score alone gives, before overrides such as the one-vote veto */
            scoreGrade: string;
            stoppedCounting: {
                code: string;
                endedOn: string | null;
                eventId: string;
                occurredOn: string;
                stoppedCountingOn: string;
                title: string;
            }[];
            subject: components["schemas"]["Subject"];
        };
        DiffRuleSets: {
            /** @description Default: the version in force today */
            baseVersionId?: string;
            candidateVersionId: string;
            inputs?: components["schemas"]["AllocationInput"];
        };
        /**
         * @example {
         *       "id": "chongming",
         *       "name": "崇明区",
         *       "createdAt": "2026-11-24T08:00:00.000Z"
         *     }
         */
        District: {
            createdAt: string;
            id: string;
            name: string;
        };
        /**
         * @example {
         *       "name": "fine_yuan",
         *       "value": "50000.00",
         *       "unit": "yuan"
         *     }
         */
        EventAmount: {
            name: string;
            unit: string;
            /** @example 50000.00 */
            value: string;
        };
        /**
         * @example {
         *       "statement": "该处罚已于2026年11月经行政复议撤销，附复议决定书。"
         *     }
         */
        FileObjection: {
            statement: string;
        };
        GepAccount: {
            categories: {
                /**
                 * @description Yuan, a decimal string to the fen
                 * @example 9306432.15
                 */
                cultural: string;
                /**
                 * @description Yuan, a decimal string to the fen
                 * @example 9306432.15
                 */
                material: string;
                /**
                 * @description Yuan, a decimal string to the fen
                 * @example 9306432.15
                 */
                regulating: string;
            };
            complete: boolean;
            notAssessed: string[];
            rows: {
                /** @enum {string} */
                category: "material" | "regulating" | "cultural";
                factors: {
                    name: string;
                    unit: string;
                    value: string;
                }[];
                formula: string;
                indicator: string;
                price: {
                    source: string;
                    unit: string;
                    value: string;
                    year: number;
                };
                quantity: string | null;
                quantityUnit: string;
                source: string | null;
                /** @enum {string} */
                status: "assessed" | "not-assessed";
                subtotal: string;
                title: string;
                /**
                 * @description Yuan, a decimal string to the fen
                 * @example 9306432.15
                 */
                value: string | null;
            }[];
            ruleSet: components["schemas"]["RuleSetRef"];
            subtotals: {
                assessed: number;
                category: string;
                notAssessed: number;
                subtotal: string;
                /**
                 * @description Yuan, a decimal string to the fen
                 * @example 9306432.15
                 */
                value: string;
            }[];
            /**
             * @description Yuan, a decimal string to the fen
             * @example 9306432.15
             */
            total: string;
            unit: components["schemas"]["GepUnit"];
            year: number;
        };
        GepLoanAssessment: {
            cap: {
                borrowerKind: string;
                guarantee: string;
                max: string;
            } | null;
            ceiling: string;
            eligible: boolean;
            failedConditions: {
                condition: string;
                reason: string;
            }[];
            grade: string;
            id: string;
            lineMultiplier: string;
            maxTermMonths: number;
            pledges: {
                basis: string;
                basisDescription: string;
                ceiling: string;
                ratio: string;
                reference: string;
                type: string;
            }[];
            pledgeTotal: string;
            rateAdjustmentBp: number;
            reasons: string[];
            requestedAmount: string;
            ruleSets: components["schemas"]["RuleSetRef"][];
            termMonths: number;
            withinCeiling: boolean;
        };
        /**
         * @example {
         *       "year": 2025,
         *       "measurements": [
         *         {
         *           "indicator": "water-conservation",
         *           "value": "152.3",
         *           "unit": "wan-m3",
         *           "source": "区水务局水文监测 2025"
         *         }
         *       ]
         *     }
         */
        GepMeasurements: {
            measurements: {
                indicator: string;
                source: string;
                unit: string;
                /** @example 1250.5 */
                value: string;
            }[];
            year: number;
        };
        /**
         * @example {
         *       "id": "gpu_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b",
         *       "code": "dongtan-wetland-plot-07",
         *       "name": "东滩湿地7号地块",
         *       "level": "plot",
         *       "ownerSubjectId": "sub_0193a1b2c3d47e5f8a9b0c1d2e3f4a5c",
         *       "areaHa": "420.5",
         *       "ecosystemTypes": [
         *         "wetland"
         *       ],
         *       "createdAt": "2026-03-02T01:00:00.000Z",
         *       "updatedAt": "2026-11-24T02:00:00.000Z"
         *     }
         */
        GepUnit: {
            areaHa: string;
            code: string;
            createdAt: string;
            ecosystemTypes: string[];
            id: string;
            /** @enum {string} */
            level: "district" | "town" | "plot" | "project";
            name: string;
            ownerSubjectId: string | null;
            updatedAt: string;
        };
        /**
         * @example {
         *       "name": "东滩湿地7号地块",
         *       "level": "plot",
         *       "owner": {
         *         "kind": "firm",
         *         "uscc": "91310230MA1H5G6L7G"
         *       },
         *       "areaHa": "420.5",
         *       "ecosystemTypes": [
         *         "wetland"
         *       ]
         *     }
         */
        GepUnitInput: {
            /** @example 1250.5 */
            areaHa: string;
            ecosystemTypes: ("forest" | "wetland" | "grassland" | "farmland" | "water" | "urban" | "ocean" | "desert")[];
            /** @enum {string} */
            level: "district" | "town" | "plot" | "project";
            name: string;
            /**
             * @description The subject that holds the rights, if any
             * @example {
             *       "kind": "firm",
             *       "uscc": "91310230MA1K2B3C4P"
             *     }
             */
            owner?: {
                id: string;
            } | {
                /** @enum {string} */
                kind: "firm";
                uscc: string;
            } | {
                idNumber: string;
                /** @enum {string} */
                kind: "resident";
            } | null;
        };
        /**
         * @example {
         *       "bankClientId": "cli_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b",
         *       "purpose": "loan-application",
         *       "scopes": [
         *         "credit",
         *         "points-summary"
         *       ]
         *     }
         */
        GrantConsent: {
            bankClientId: string;
            /** Format: date-time */
            expiresAt?: string;
            /** @enum {string} */
            purpose: "loan-application" | "post-loan-management" | "guarantee";
            scopes: ("credit" | "points-summary" | "gep-assets")[];
            statement?: string;
        };
        /**
         * @example {
         *       "status": "ok",
         *       "version": "0.1.0",
         *       "time": "2026-11-24T02:00:00.000Z"
         *     }
         */
        Health: {
            /** @enum {string} */
            status: "ok";
            time: string;
            version: string;
        };
        /**
         * @example {
         *       "subjectId": "sub_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b",
         *       "purpose": "loan-application",
         *       "scopes": [
         *         "credit"
         *       ]
         *     }
         */
        IssueCreditReport: {
            /** @description GEP eco-loan assessments of this subject to include (scope gep-assets) */
            assessmentIds?: string[];
            /** @enum {string} */
            purpose: "loan-application" | "post-loan-management" | "guarantee";
            /**
             * @default [
             *       "credit"
             *     ]
             */
            scopes: ("credit" | "points-summary" | "gep-assets")[];
            subjectId: string;
        };
        Jwks: {
            keys: ({
                alg?: string;
                crv?: string;
                kid?: string;
                kty: string;
                use?: string;
                x?: string;
            } & {
                [key: string]: unknown;
            })[];
        };
        LoanPledge: {
            /** @enum {string} */
            type: "gep";
            unitCode: string;
            year?: number;
        } | {
            /** @example 500000.00 */
            appraisedValue: string;
            reference: string;
            /** @enum {string} */
            type: "forest-rights";
        } | {
            /** @example 500000.00 */
            appraisedValue: string;
            reference: string;
            /** @enum {string} */
            type: "discharge-rights";
        } | {
            /** @example 500000.00 */
            appraisedValue: string;
            reference: string;
            /** @enum {string} */
            type: "water-rights";
        } | {
            reference: string;
            tco2e: string;
            /** @enum {string} */
            type: "carbon-sink";
        };
        LoanProduct: {
            hash: string;
            id: string;
            product: {
                [key: string]: unknown;
            };
            title: string;
            version: number;
        };
        /**
         * @example {
         *       "kind": "resident",
         *       "idNumber": "310230198503121233"
         *     }
         */
        LookupSubject: {
            /** @enum {string} */
            kind: "firm";
            /**
             * @description Unified Social Credit Code (GB 32100-2015)
             * @example 91310230MA1K2B3C4P
             */
            uscc: string;
        } | {
            /**
             * @description Resident ID number (GB 11643-1999); never stored, only hashed and masked
             * @example 310230198503121233
             */
            idNumber: string;
            /** @enum {string} */
            kind: "resident";
        };
        /**
         * @example {
         *       "name": "东平国家森林公园门票",
         *       "cost": 50,
         *       "stock": 200,
         *       "holderKinds": [
         *         "resident"
         *       ],
         *       "validFrom": "2026-12-01",
         *       "validUntil": "2027-11-30"
         *     }
         */
        NewBenefit: {
            cost: number;
            description?: string;
            /**
             * @default [
             *       "resident"
             *     ]
             */
            holderKinds: ("resident" | "firm")[];
            name: string;
            /** @description Omit or null for unlimited */
            stock?: number | null;
            validFrom: string;
            validUntil: string;
        };
        /**
         * @example {
         *       "type": "https://eco-credit.example.cn/problems/not-ready",
         *       "title": "Not ready",
         *       "status": 503,
         *       "detail": "migrations: not applied: 0001_ledger_index",
         *       "checks": [
         *         {
         *           "name": "database",
         *           "ok": true,
         *           "detail": "answers"
         *         },
         *         {
         *           "name": "migrations",
         *           "ok": false,
         *           "detail": "not applied: 0001_ledger_index"
         *         },
         *         {
         *           "name": "signingKeys",
         *           "ok": false,
         *           "detail": "not checked: the schema is not current"
         *         }
         *       ]
         *     }
         */
        NotReady: components["schemas"]["Problem"] & ({
            checks: {
                detail: string;
                /** @enum {string} */
                name: "database" | "migrations" | "signingKeys";
                ok: boolean;
            }[];
        } & {
            [key: string]: unknown;
        });
        Objection: {
            /** @description The last day for an answer: 20 days after filing */
            dueOn: string;
            eventId: string;
            filedAt: string;
            id: string;
            overdue: boolean;
            resolution: string | null;
            resolvedAt: string | null;
            resolvedBy: string | null;
            reversalEventId: string | null;
            statement: string;
            /** @enum {string} */
            status: "open" | "upheld" | "rejected";
            subjectId: string;
        };
        PointsAccount: {
            balance: number;
            benefits: (components["schemas"]["Benefit"] & {
                affordable: boolean;
            })[];
            expiringSoon: {
                actionCode: string | null;
                earnedOn: string;
                expiresOn: string;
                points: number;
            }[];
            history: components["schemas"]["PointsLedgerEntry"][];
            holder: components["schemas"]["Subject"];
            /** @description Awarded but not yet spendable */
            pending: number;
        };
        PointsAward: {
            awarded: number;
            entry: components["schemas"]["PointsLedgerEntry"];
            refused: {
                points: number;
                reason: string;
            } | null;
            requested: number;
            ruleSet: components["schemas"]["RuleSetRef"];
        };
        PointsLedgerEntry: {
            actionCode: string | null;
            /** @description From this day the points can be spent */
            availableOn: string;
            earnedOn: string;
            evidence: string | null;
            /** @description The last day the points can be spent */
            expiresOn: string | null;
            id: string;
            /** @enum {string} */
            kind: "earn" | "expire" | "redeem" | "reverse";
            /** @description For expire and reverse entries: the award they act on */
            lotId: string | null;
            /** @description Positive when earned, negative when spent, expired or reversed */
            points: number;
            reason: string;
            recordedAt: string;
            redemptionId: string | null;
            ruleSet: {
                hash: string;
                id: string;
            } | null;
            source: string | null;
        };
        PointsRedemption: {
            balance: number;
            benefit: components["schemas"]["Benefit"];
            cost: number;
            entry: components["schemas"]["PointsLedgerEntry"];
            redemptionId: string;
        };
        PointsSourceConsent: {
            enabled: boolean;
        };
        /**
         * @example {
         *       "type": "https://eco-credit.example.cn/problems/validation",
         *       "title": "Invalid request",
         *       "status": 400,
         *       "detail": "body field '/idNumber': check character does not match",
         *       "errors": [
         *         {
         *           "pointer": "/idNumber",
         *           "in": "body",
         *           "detail": "check character does not match"
         *         }
         *       ]
         *     }
         */
        Problem: {
            detail: string;
            errors?: {
                detail: string;
                /** @enum {string} */
                in: "body" | "query" | "path" | "header" | "file";
                line?: number;
                /** @example /idNumber */
                pointer: string;
            }[];
            instance?: string;
            /** @description The x-request-id of the answer, also in every log line of the request */
            requestId?: string;
            status: number;
            title: string;
            /** Format: uri */
            type: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * @example {
         *       "effectiveFrom": "2027-01-01"
         *     }
         */
        PublishRuleSet: {
            effectiveFrom: string;
        };
        QueryLogEntry: {
            action: string;
            actor: string;
            actorName: string;
            actorRole: string;
            at: string;
            consentId: string | null;
            purpose: string;
            reportId: string | null;
            seq: number;
            subjectId: string;
        };
        /**
         * @example {
         *       "status": "ready",
         *       "checks": [
         *         {
         *           "name": "database",
         *           "ok": true,
         *           "detail": "answers"
         *         },
         *         {
         *           "name": "migrations",
         *           "ok": true,
         *           "detail": "all applied"
         *         },
         *         {
         *           "name": "signingKeys",
         *           "ok": true,
         *           "detail": "2 active keys loaded"
         *         }
         *       ]
         *     }
         */
        Readiness: {
            checks: {
                detail: string;
                /** @enum {string} */
                name: "database" | "migrations" | "signingKeys";
                ok: boolean;
            }[];
            /** @enum {string} */
            status: "ready";
        };
        /**
         * @example {
         *       "events": [
         *         {
         *           "subject": {
         *             "kind": "firm",
         *             "uscc": "91310230MA1K2B3C4P"
         *           },
         *           "code": "ENV-PENALTY",
         *           "occurredOn": "2026-10-12",
         *           "evidence": "沪崇环罚〔2026〕45号",
         *           "amounts": [
         *             {
         *               "name": "fine_yuan",
         *               "value": "50000.00",
         *               "unit": "yuan"
         *             }
         *           ],
         *           "externalId": "penalty-2026-45"
         *         }
         *       ]
         *     }
         */
        RecordCreditEvents: {
            events: components["schemas"]["CreditEventInput"][];
        };
        RecordedCreditEvents: {
            duplicates: number;
            events: {
                eventId: string;
                line: number;
                /** @enum {string} */
                status: "recorded" | "duplicate";
            }[];
            recorded: number;
        };
        RedeemPoints: {
            benefitId: string;
        };
        /**
         * @example {
         *       "kind": "firm",
         *       "uscc": "91310230MA1K2B3C4P",
         *       "name": "上海崇明生态农业有限公司"
         *     }
         */
        RegisterSubject: {
            /** @enum {string} */
            kind: "firm";
            /** @example 上海崇明生态农业有限公司 */
            name: string;
            /**
             * @description Unified Social Credit Code (GB 32100-2015)
             * @example 91310230MA1K2B3C4P
             */
            uscc: string;
        } | {
            /**
             * @description Resident ID number (GB 11643-1999); never stored, only hashed and masked
             * @example 310230198503121233
             */
            idNumber: string;
            /** @enum {string} */
            kind: "resident";
            /** @example 张三 */
            name?: string;
        };
        /**
         * @example {
         *       "decision": "upheld",
         *       "reason": "经核实，原处罚已被复议撤销",
         *       "evidence": "沪崇复决〔2026〕3号"
         *     }
         */
        ResolveObjection: {
            /** @enum {string} */
            decision: "upheld" | "rejected";
            evidence?: string;
            reason: string;
        };
        /**
         * @example {
         *       "reason": "复议撤销原处罚决定",
         *       "evidence": "沪崇复决〔2026〕3号"
         *     }
         */
        ReverseCreditEvent: {
            evidence: string;
            reason: string;
        };
        RuleSetDiff: {
            after: components["schemas"]["AllocationResult"];
            base: {
                hash: string;
                status: string;
                versionId: string;
            };
            before: components["schemas"]["AllocationResult"];
            candidate: {
                hash: string;
                status: string;
                versionId: string;
            };
            changes: {
                after: string | null;
                before: string | null;
                change: string;
                changePercent: string | null;
                crossed: string[];
                id: string;
            }[];
            period: string;
            ruleSetId: string;
            summary: {
                after: {
                    gini: number;
                    mean: number;
                    median: number;
                };
                before: {
                    gini: number;
                    mean: number;
                    median: number;
                };
            };
            totalChange: string;
        };
        /**
         * @example {
         *       "id": "firm-env-credit",
         *       "version": 1,
         *       "hash": "sha256:5f1c…"
         *     }
         */
        RuleSetRef: {
            hash: string;
            id: string;
            version: number;
        };
        RuleSetValidation: {
            hash: string;
            kind: string;
            ruleSetId: string;
            /** @enum {boolean} */
            valid: true;
            version: number;
        };
        /**
         * @example {
         *       "versionId": "rsv_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b",
         *       "ruleSetId": "firm-env-credit",
         *       "kind": "scorecard",
         *       "version": 1,
         *       "hash": "sha256:5f1c…",
         *       "status": "published",
         *       "effectiveFrom": "2026-01-01",
         *       "createdAt": "2026-11-24T08:00:00.000Z",
         *       "createdBy": "system",
         *       "publishedAt": "2026-11-24T08:00:00.000Z",
         *       "publishedBy": "system"
         *     }
         */
        RuleSetVersion: {
            createdAt: string;
            createdBy: string;
            effectiveFrom: string;
            /** @description sha256 of the canonical form */
            hash: string;
            kind: string;
            publishedAt: string | null;
            publishedBy: string | null;
            ruleSetId: string;
            /** @enum {string} */
            status: "draft" | "published";
            version: number;
            versionId: string;
        };
        /**
         * @example {
         *       "versionId": "rsv_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b",
         *       "ruleSetId": "firm-env-credit",
         *       "kind": "scorecard",
         *       "version": 1,
         *       "hash": "sha256:5f1c…",
         *       "status": "published",
         *       "effectiveFrom": "2026-01-01",
         *       "createdAt": "2026-11-24T08:00:00.000Z",
         *       "createdBy": "system",
         *       "publishedAt": "2026-11-24T08:00:00.000Z",
         *       "publishedBy": "system",
         *       "source": "id: firm-env-credit\nkind: scorecard\nversion: 1\n…"
         *     }
         */
        RuleSetVersionWithSource: components["schemas"]["RuleSetVersion"] & {
            source: string;
        };
        /**
         * @example {
         *       "source": "id: firm-env-credit\nkind: scorecard\nversion: 2\ndistrict: chongming\neffectiveFrom: 2027-01-01\ntitle: 企业环境信用评价\nbody:\n  subjectKind: firm\n  facts:\n    admin_penalties_12m: { type: number }\n  baseScore: 100\n  items:\n    - { id: admin-penalty, reason: 环境行政处罚, fact: admin_penalties_12m, perUnit: -5, cap: { min: -30 } }\n  bands:\n    - { grade: green, label: 诚信, min: 95 }\n    - { grade: red, label: 不良 }\n",
         *       "fileName": "firm-env-credit.yaml"
         *     }
         */
        RuleSource: {
            /** @description Named in error messages; defaults to upload.yaml */
            fileName?: string;
            /** @description The rule file, YAML, exactly as the bureau wrote it */
            source: string;
        };
        /**
         * @example {
         *       "ruleSetId": "town-eco-fund",
         *       "period": "2026",
         *       "fund": "50000000.00",
         *       "recipients": [
         *         {
         *           "id": "chenjia-town",
         *           "name": "陈家镇",
         *           "values": {
         *             "gep": "8120000000",
         *             "redline_area": "5210",
         *             "forest_area": "3120",
         *             "assessment": "92",
         *             "last_year": "9800000.00"
         *           }
         *         },
         *         {
         *           "id": "xinhe-town",
         *           "name": "新河镇",
         *           "values": {
         *             "gep": "3050000000",
         *             "redline_area": "1810",
         *             "forest_area": "1420",
         *             "assessment": "85",
         *             "last_year": "3900000.00"
         *           }
         *         }
         *       ]
         *     }
         */
        RunAllocation: {
            /** @example 50000000.00 */
            fund?: string;
            /** @description Fill this input from the GEP account of the unit whose code is the recipient's id */
            gep?: {
                input: string;
                year: number;
            };
            /** @description Negotiated parameters, each within its declared range */
            parameters?: {
                [key: string]: string;
            };
            /** @example 2026 */
            period: string;
            /** @default [] */
            recipients: {
                id: string;
                name?: string;
                values: {
                    [key: string]: string;
                };
            }[];
            ruleSetId: string;
            /** @description Agreement-level inputs, e.g. concentrations at the boundary section */
            values?: {
                [key: string]: string;
            };
        };
        /**
         * @example {
         *       "facts": {
         *         "admin_penalties_12m": 1,
         *         "major_incidents_3y": 0
         *       }
         *     }
         */
        ScorecardFacts: {
            facts: {
                [key: string]: number | boolean | string;
            };
            onDate?: string;
        };
        ScorecardResult: {
            grade: string;
            gradeLabel: string;
            ruleSet: components["schemas"]["RuleSetRef"];
            score: number;
            scoreGrade: string;
            trace: components["schemas"]["ScoreTraceEntry"][];
        };
        ScoreTraceEntry: {
            grade?: string;
            id: string;
            inputs: {
                [key: string]: number | boolean | string;
            };
            /** @enum {string} */
            kind: "item" | "override";
            points?: number;
            reason: string;
            uncapped?: number;
        };
        SignedCreditReport: {
            consentId: string;
            expiresAt: string;
            issuedAt: string;
            issuer: string;
            jwksUrl: string;
            kid: string;
            /** @description Compact JWS */
            report: string;
            reportId: string;
        };
        SimulateRuleSet: {
            inputs?: components["schemas"]["AllocationInput"];
        };
        /**
         * @example {
         *       "id": "sub_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b",
         *       "districtId": "chongming",
         *       "kind": "resident",
         *       "displayId": "310230********1233",
         *       "name": "张三",
         *       "regionCode": "310230",
         *       "createdAt": "2026-11-24T08:00:00.000Z"
         *     }
         */
        Subject: {
            createdAt: string;
            /** @description USCC for a firm, masked ID number for a resident */
            displayId: string;
            districtId: string;
            /** @description Pseudonymous id, stable for the life of the record */
            id: string;
            /** @enum {string} */
            kind: "firm" | "resident";
            name: string | null;
            regionCode: string | null;
        };
        /**
         * @description The subject by its id, or a firm by USCC, or a resident by ID number
         * @example {
         *       "kind": "firm",
         *       "uscc": "91310230MA1K2B3C4P"
         *     }
         */
        SubjectRef: {
            id: string;
        } | {
            /** @enum {string} */
            kind: "firm";
            uscc: string;
        } | {
            idNumber: string;
            /** @enum {string} */
            kind: "resident";
        };
        VerifiedCreditReport: {
            header: {
                [key: string]: unknown;
            };
            payload: {
                [key: string]: unknown;
            };
            /** @enum {boolean} */
            valid: true;
        };
        VerifyCreditReport: {
            /**
             * Format: date-time
             * @description Check validity at this moment instead of now
             */
            at?: string;
            audience?: string;
            jwks?: components["schemas"]["Jwks"];
            report: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JWKS */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "keys": [
                     *         {
                     *           "crv": "Ed25519",
                     *           "x": "MoZNG7oj-K_Q3XInFGKHDj5sqs47g-lT5p2NPJtDpfk",
                     *           "kty": "OKP",
                     *           "kid": "chongming-20261124-5b8c3665",
                     *           "alg": "EdDSA",
                     *           "use": "sig"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Jwks"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Not ready; `checks` says which check failed */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotReady"];
                };
            };
        };
    };
    getDistrict: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The district */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["District"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    runAllocation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body returns the first answer; with another body, 409. */
                "idempotency-key"?: string;
            };
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RunAllocation"];
            };
        };
        responses: {
            /** @description The allocation */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "alc_01a20b48090070f7a5fc3b9f8f49baa1",
                     *       "versionId": "rsv_01a20b480900789686307adbc7967e70",
                     *       "createdAt": "2026-11-24T02:00:00.000Z",
                     *       "result": {
                     *         "scheme": "payroll",
                     *         "period": "2026-H2",
                     *         "parameters": {
                     *           "yearly_standard": "10000"
                     *         },
                     *         "rounding": {
                     *           "unit": "0.01",
                     *           "method": "largest-remainder",
                     *           "tieBreak": "larger remainder first; equal remainders by recipient id, ascending"
                     *         },
                     *         "ruleSet": {
                     *           "id": "forest-ranger-payroll",
                     *           "version": 1,
                     *           "hash": "sha256:aad166f55e90dae22edde27f74bc2f07f8154ff445c5ee31aa78686ec57ad27b"
                     *         },
                     *         "fund": "20000.00",
                     *         "total": "7933.33",
                     *         "recipients": [
                     *           {
                     *             "id": "ranger-001",
                     *             "name": "王林",
                     *             "inputs": {
                     *               "months": "6",
                     *               "score": "80"
                     *             },
                     *             "shares": {},
                     *             "weights": {},
                     *             "components": [
                     *               {
                     *                 "name": "fixed",
                     *                 "before": "3000.00",
                     *                 "after": "3000.00",
                     *                 "note": "10000 × 6/12 × 0.6"
                     *               },
                     *               {
                     *                 "name": "performance",
                     *                 "before": "1600.00",
                     *                 "after": "1600.00",
                     *                 "note": "10000 × 6/12 × 0.4 × 80/100"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "4600",
                     *             "amount": "4600.00"
                     *           },
                     *           {
                     *             "id": "ranger-002",
                     *             "name": "赵山",
                     *             "inputs": {
                     *               "months": "4",
                     *               "score": "100"
                     *             },
                     *             "shares": {},
                     *             "weights": {},
                     *             "components": [
                     *               {
                     *                 "name": "fixed",
                     *                 "before": "2000.00",
                     *                 "after": "2000.00",
                     *                 "note": "10000 × 4/12 × 0.6"
                     *               },
                     *               {
                     *                 "name": "performance",
                     *                 "before": "1333.33",
                     *                 "after": "1333.33",
                     *                 "note": "10000 × 4/12 × 0.4 × 100/100"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "3333.333333333333333333333333333333333333",
                     *             "amount": "3333.33"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Allocation"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `idempotency-key-reused`, `idempotency-in-progress` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable. Problem types: `wrong-rule-kind`, `allocation-refused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAllocation: {
        parameters: {
            query?: {
                recompute?: "true" | "false";
            };
            header?: never;
            path: {
                /** @example alc_01a20b4809007a40a308bbfa36ff1eeb */
                allocationId: string;
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The allocation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "alc_01a20b4809007a40a308bbfa36ff1eeb",
                     *       "versionId": "rsv_01a20b48090077279042b7d79dfe647a",
                     *       "createdAt": "2026-11-24T02:00:00.000Z",
                     *       "createdBy": "cli_01a20b48090070d9854039c8ef160cbf",
                     *       "reproduced": null,
                     *       "result": {
                     *         "scheme": "pool",
                     *         "period": "2026",
                     *         "parameters": {},
                     *         "rounding": {
                     *           "unit": "0.01",
                     *           "method": "largest-remainder",
                     *           "tieBreak": "larger remainder first; equal remainders by recipient id, ascending"
                     *         },
                     *         "ruleSet": {
                     *           "id": "tri-province-pool",
                     *           "version": 1,
                     *           "hash": "sha256:db4a41f72d21798f9f814b2d6c2736a93b8b9485514aaef4670c00c1e9e67cc4"
                     *         },
                     *         "fund": "1.00",
                     *         "total": "1.00",
                     *         "recipients": [
                     *           {
                     *             "id": "province-a",
                     *             "name": null,
                     *             "inputs": {},
                     *             "shares": {},
                     *             "weights": {},
                     *             "components": [
                     *               {
                     *                 "name": "contribution",
                     *                 "before": "0.00",
                     *                 "after": "-0.10"
                     *               },
                     *               {
                     *                 "name": "receipt",
                     *                 "before": "0.00",
                     *                 "after": "0.30"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "0.20",
                     *             "amount": "0.20"
                     *           },
                     *           {
                     *             "id": "province-b",
                     *             "name": null,
                     *             "inputs": {},
                     *             "shares": {},
                     *             "weights": {},
                     *             "components": [
                     *               {
                     *                 "name": "contribution",
                     *                 "before": "0.00",
                     *                 "after": "-0.50"
                     *               },
                     *               {
                     *                 "name": "receipt",
                     *                 "before": "0.00",
                     *                 "after": "0.40"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "-0.10",
                     *             "amount": "-0.10"
                     *           },
                     *           {
                     *             "id": "province-c",
                     *             "name": null,
                     *             "inputs": {},
                     *             "shares": {},
                     *             "weights": {},
                     *             "components": [
                     *               {
                     *                 "name": "contribution",
                     *                 "before": "0.00",
                     *                 "after": "-0.40"
                     *               },
                     *               {
                     *                 "name": "receipt",
                     *                 "before": "0.00",
                     *                 "after": "0.30"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "-0.10",
                     *             "amount": "-0.10"
                     *           }
                     *         ],
                     *         "net": [
                     *           {
                     *             "party": "province-a",
                     *             "contributes": "0.10",
                     *             "receives": "0.30",
                     *             "net": "0.20"
                     *           },
                     *           {
                     *             "party": "province-b",
                     *             "contributes": "0.50",
                     *             "receives": "0.40",
                     *             "net": "-0.10"
                     *           },
                     *           {
                     *             "party": "province-c",
                     *             "contributes": "0.40",
                     *             "receives": "0.30",
                     *             "net": "-0.10"
                     *           }
                     *         ],
                     *         "flows": [
                     *           {
                     *             "payer": "province-b",
                     *             "payee": "province-a",
                     *             "amount": "0.10"
                     *           },
                     *           {
                     *             "payer": "province-c",
                     *             "payee": "province-a",
                     *             "amount": "0.10"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": {
                        createdAt: string;
                        createdBy: string;
                        id: string;
                        reproduced: boolean | null;
                        result: components["schemas"]["AllocationResult"];
                        versionId: string;
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBanks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Banks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "cli_01a20b4809007d019889124ce7504cf9",
                     *           "name": "chongming bank"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBenefits: {
        parameters: {
            query?: {
                validOn?: string;
            };
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Benefits */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "ben_01a20b48090075969a8b674fb59bad7c",
                     *           "name": "湿地公园年卡",
                     *           "description": null,
                     *           "cost": 1,
                     *           "stock": 3,
                     *           "left": 0,
                     *           "holderKinds": [
                     *             "resident"
                     *           ],
                     *           "validFrom": "2026-01-01",
                     *           "validUntil": "2027-12-31"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Benefit"][];
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createBenefit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body returns the first answer; with another body, 409. */
                "idempotency-key"?: string;
            };
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewBenefit"];
            };
        };
        responses: {
            /** @description Registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ben_01a20b48090075969a8b674fb59bad7c",
                     *       "name": "湿地公园年卡",
                     *       "description": null,
                     *       "cost": 1,
                     *       "stock": 3,
                     *       "left": 3,
                     *       "holderKinds": [
                     *         "resident"
                     *       ],
                     *       "validFrom": "2026-01-01",
                     *       "validUntil": "2027-12-31"
                     *     }
                     */
                    "application/json": components["schemas"]["Benefit"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `idempotency-key-reused`, `idempotency-in-progress` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConsents: {
        parameters: {
            query?: {
                subjectId?: string;
            };
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Consents */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": []
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Consent"][];
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    grantConsent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body returns the first answer; with another body, 409. */
                "idempotency-key"?: string;
            };
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantConsent"];
            };
        };
        responses: {
            /** @description Granted */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "con_01a20b4809007b9fb767b44d2a32dd6d",
                     *       "subjectId": "sub_01a20b48090070bc9bd49d707506f5a7",
                     *       "bankClientId": "cli_01a20b4809007d019889124ce7504cf9",
                     *       "bankName": "chongming bank",
                     *       "purpose": "loan-application",
                     *       "scopes": [
                     *         "credit"
                     *       ],
                     *       "grantedAt": "2026-11-24T02:00:00.000Z",
                     *       "expiresAt": "2027-02-22T02:00:00.000Z",
                     *       "revokedAt": null,
                     *       "state": "active",
                     *       "evidence": {
                     *         "method": "subject-token",
                     *         "issuer": "urn:eco-credit:dev-idp",
                     *         "bankName": "chongming bank",
                     *         "statement": "同意chongming bank为loan-application查询本人credit信息",
                     *         "at": "2026-11-24T02:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Consent"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `idempotency-key-reused`, `idempotency-in-progress` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example con_01a20b4809007d4b939e16ce05b1394a */
                consentId: string;
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "con_01a20b4809007d4b939e16ce05b1394a",
                     *       "subjectId": "sub_01a20b4809007bd1b5ca7bcebe4fa16a",
                     *       "bankClientId": "cli_01a20b4809007ddcb1ca547ff7d9d4b4",
                     *       "bankName": "chongming bank",
                     *       "purpose": "loan-application",
                     *       "scopes": [
                     *         "credit"
                     *       ],
                     *       "grantedAt": "2026-11-24T02:00:00.000Z",
                     *       "expiresAt": "2026-12-24T00:00:00.000Z",
                     *       "revokedAt": "2026-11-24T02:00:00.000Z",
                     *       "state": "revoked",
                     *       "evidence": {
                     *         "method": "subject-token",
                     *         "issuer": "urn:eco-credit:dev-idp",
                     *         "bankName": "chongming bank",
                     *         "statement": "同意chongming bank为loan-application查询本人credit信息",
                     *         "at": "2026-11-24T02:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Consent"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `consent-revoked` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordCreditEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body returns the first answer; with another body, 409. */
                "idempotency-key"?: string;
            };
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordCreditEvents"];
            };
        };
        responses: {
            /** @description Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "recorded": 1,
                     *       "duplicates": 0,
                     *       "events": [
                     *         {
                     *           "line": 1,
                     *           "eventId": "evt_01a20b4809007192aacdff5e3aa2129b",
                     *           "status": "recorded"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["RecordedCreditEvents"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden`, `code-not-permitted` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `idempotency-key-reused`, `idempotency-in-progress`, `external-id-clash`, `event-conflict` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable. Problem types: `no-behaviour-list`, `wrong-subject-kind`, `wrong-rule-kind` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    fileObjection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body returns the first answer; with another body, 409. */
                "idempotency-key"?: string;
            };
            path: {
                districtId: string;
                /** @example evt_01a20b4809007dbd9c2c187403b2540e */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FileObjection"];
            };
        };
        responses: {
            /** @description Filed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "obj_01a20b4809007c9f8eff6f379dfc6196",
                     *       "subjectId": "sub_01a20b480900723296ba674663d5a4fc",
                     *       "eventId": "evt_01a20b4809007dbd9c2c187403b2540e",
                     *       "statement": "有误",
                     *       "filedAt": "2026-11-24T02:00:00.000Z",
                     *       "dueOn": "2026-12-14",
                     *       "overdue": false,
                     *       "status": "open",
                     *       "resolvedAt": null,
                     *       "resolvedBy": null,
                     *       "resolution": null,
                     *       "reversalEventId": null
                     *     }
                     */
                    "application/json": components["schemas"]["Objection"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `idempotency-key-reused`, `idempotency-in-progress`, `objection-open` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable. Problem types: `objection-to-reversal`, `already-reversed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCreditLists: {
        parameters: {
            query?: {
                /** @example red */
                list?: "red" | "black";
            };
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Listed subjects with the events that put them there */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "subject": {
                     *             "id": "sub_01a20b480900765a931706ec9cecc700",
                     *             "kind": "firm",
                     *             "displayId": "91310230MA1H5G6L7G",
                     *             "name": "测试企业"
                     *           },
                     *           "list": "red",
                     *           "reasons": [
                     *             {
                     *               "eventId": "evt_01a20b48090076f8b600441014e9f1ea",
                     *               "code": "ENV-CREDIT-MODEL",
                     *               "title": "环保诚信示范企业",
                     *               "occurredOn": "2026-03-01",
                     *               "until": "2029-03-01"
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CreditLists"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    upsertGepUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                unitCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GepUnitInput"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GepUnit"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GepUnit"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGepAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                unitCode: string;
                /** @example 2025 */
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "unit": {
                     *         "id": "gpu_01a20b48090077fbb8d4f48c3a2b4eb7",
                     *         "code": "dongtan-plot-07",
                     *         "name": "东滩湿地7号地块",
                     *         "level": "plot",
                     *         "ownerSubjectId": null,
                     *         "areaHa": "420.5",
                     *         "ecosystemTypes": [
                     *           "wetland",
                     *           "forest"
                     *         ],
                     *         "createdAt": "2026-11-24T02:00:00.000Z",
                     *         "updatedAt": "2026-11-24T02:00:00.000Z"
                     *       },
                     *       "year": 2025,
                     *       "rows": [
                     *         {
                     *           "indicator": "crops",
                     *           "title": "农业产品（粮食）",
                     *           "category": "material",
                     *           "subtotal": "农业产品",
                     *           "quantityUnit": "t",
                     *           "factors": [],
                     *           "price": {
                     *             "value": "2800",
                     *             "unit": "yuan/t",
                     *             "year": 2023,
                     *             "source": "国家统计局农产品生产者价格"
                     *           },
                     *           "status": "not-assessed",
                     *           "quantity": null,
                     *           "value": null,
                     *           "formula": "t × 2800 yuan/t",
                     *           "source": null
                     *         },
                     *         {
                     *           "indicator": "timber",
                     *           "title": "林业产品（木材）",
                     *           "category": "material",
                     *           "subtotal": "林业产品",
                     *           "quantityUnit": "m3",
                     *           "factors": [],
                     *           "price": {
                     *             "value": "1200",
                     *             "unit": "yuan/m3",
                     *             "year": 2023,
                     *             "source": "地方木材市场均价"
                     *           },
                     *           "status": "not-assessed",
                     *           "quantity": null,
                     *           "value": null,
                     *           "formula": "m3 × 1200 yuan/m3",
                     *           "source": null
                     *         },
                     *         {
                     *           "indicator": "water-supply",
                     *           "title": "水资源供给",
                     *           "category": "material",
                     *           "subtotal": "水资源",
                     *           "quantityUnit": "m3",
                     *           "factors": [],
                     *           "price": {
                     *             "value": "2.50",
                     *             "unit": "yuan/m3",
                     *             "year": 2023,
                     *             "source": "地方水资源费与供水价格"
                     *           },
                     *           "status": "not-assessed",
                     *           "quantity": null,
                     *           "value": null,
                     *           "formula": "m3 × 2.50 yuan/m3",
                     *           "source": null
                     *         },
                     *         {
                     *           "indicator": "water-conservation",
                     *           "title": "水源涵养 Q = Σ(降水 − 暴雨径流 − 蒸散) × 面积",
                     *           "category": "regulating",
                     *           "subtotal": "水源涵养",
                     *           "quantityUnit": "m3",
                     *           "factors": [],
                     *           "price": {
                     *             "value": "6.1107",
                     *             "unit": "yuan/m3",
                     *             "year": 2020,
                     *             "source": "水库单位库容工程造价"
                     *           },
                     *           "status": "not-assessed",
                     *           "quantity": null,
                     *           "value": null,
                     *           "formula": "m3 × 6.1107 yuan/m3",
                     *           "source": null
                     *         },
                     *         {
                     *           "indicator": "soil-retention-dredging",
                     *           "title": "土壤保持 — 减少泥沙淤积",
                     *           "category": "regulating",
                     *           "subtotal": "土壤保持",
                     *           "quantityUnit": "t",
                     *           "factors": [
                     *             {
                     *               "name": "sediment-ratio",
                     *               "value": "0.24",
                     *               "unit": "1"
                     *             },
                     *             {
                     *               "name": "inverse-bulk-density",
                     *               "value": "0.7692",
                     *               "unit": "m3/t"
                     *             }
                     *           ],
                     *           "price": {
                     *             "value": "12.60",
                     *             "unit": "yuan/m3",
                     *             "year": 2022,
                     *             "source": "水库清淤工程单位费用"
                     *           },
                     *           "status": "not-assessed",
                     *           "quantity": null,
                     *           "value": null,
                     *           "formula": "t × 0.24 1 (sediment-ratio) × 0.7692 m3/t (inverse-bulk-density) × 12.60 yuan/m3",
                     *           "source": null
                     *         },
                     *         {
                     *           "indicator": "soil-retention-nitrogen",
                     *           "title": "土壤保持 — 减少氮面源污染",
                     *           "category": "regulating",
                     *           "subtotal": "土壤保持",
                     *           "quantityUnit": "t",
                     *           "factors": [
                     *             {
                     *               "name": "nitrogen-content",
                     *               "value": "0.00094",
                     *               "unit": "t-N/t"
                     *             }
                     *           ],
                     *           "price": {
                     *             "value": "1750",
                     *             "unit": "yuan/t-N",
                     *             "year": 2022,
                     *             "source": "污水处理厂氮处理成本"
                     *           },
                     *           "status": "not-assessed",
                     *           "quantity": null,
                     *           "value": null,
                     *           "formula": "t × 0.00094 t-N/t (nitrogen-content) × 1750 yuan/t-N",
                     *           "source": null
                     *         },
                     *         {
                     *           "indicator": "soil-retention-phosphorus",
                     *           "title": "土壤保持 — 减少磷面源污染",
                     *           "category": "regulating",
                     *           "subtotal": "土壤保持",
                     *           "quantityUnit": "t",
                     *           "factors": [
                     *             {
                     *               "name": "phosphorus-content",
                     *               "value": "0.00045",
                     *               "unit": "t-P/t"
                     *             }
                     *           ],
                     *           "price": {
                     *             "value": "2800",
                     *             "unit": "yuan/t-P",
                     *             "year": 2022,
                     *             "source": "污水处理厂磷处理成本"
                     *           },
                     *           "status": "not-assessed",
                     *           "quantity": null,
                     *           "value": null,
                     *           "formula": "t × 0.00045 t-P/t (phosphorus-content) × 2800 yuan/t-P",
                     *           "source": null
                     *         },
                     *         {
                     *           "indicator": "carbon-sequestration",
                     *           "title": "固碳 CO2 = 1.63 × NPP",
                     *           "category": "regulating",
                     *           "subtotal": "固碳释氧",
                     *           "quantityUnit": "t-dm",
                     *           "factors": [
                     *             {
                     *               "name": "co2-per-npp",
                     *               "value": "1.63",
                     *               "unit": "t-CO2/t-dm"
                     *             }
                     *           ],
                     *           "price": {
                     *             "value": "58.50",
                     *             "unit": "yuan/t-CO2",
                     *             "year": 2023,
                     *             "source": "全国碳排放权交易市场年均成交价"
                     *           },
                     *           "status": "not-assessed",
                     *           "quantity": null,
                     *           "value": null,
                     *           "formula": "t-dm × 1.63 t-CO2/t-dm (co2-per-npp) × 58.50 yuan/t-CO2",
                     *           "source": null
                     *         },
                     *         {
                     *           "indicator": "oxygen-release",
                     *           "title": "释氧 O2 = 1.19 × NPP",
                     *           "category": "regulating",
                     *           "subtotal": "固碳释氧",
                     *           "quantityUnit": "t-dm",
                     *           "factors": [
                     *             {
                     *               "name": "o2-per-npp",
                     *               "value": "1.19",
                     *               "unit": "t-O2/t-dm"
                     *             }
                     *           ],
                     *           "price": {
                     *             "value": "1000",
                     *             "unit": "yuan/t-O2",
                     *             "year": 2022,
                     *             "source": "工业制氧价格"
                     *           },
                     *           "status": "not-assessed",
                     *           "quantity": null,
                     *           "value": null,
                     *           "formula": "t-dm × 1.19 t-O2/t-dm (o2-per-npp) × 1000 yuan/t-O2",
                     *           "source": null
                     *         },
                     *         {
                     *           "indicator": "climate-regulation",
                     *           "title": "气候调节（植被蒸腾与水面蒸发吸热折算电量）",
                     *           "category": "regulating",
                     *           "subtotal": "气候调节",
                     *           "quantityUnit": "kWh",
                     *           "factors": [],
                     *           "price": {
                     *             "value": "0.617",
                     *             "unit": "yuan/kWh",
                     *             "year": 2023,
                     *             "source": "居民生活用电价格"
                     *           },
                     *           "status": "not-assessed",
                     *           "quantity": null,
                     *           "value": null,
                     *           "formula": "kWh × 0.617 yuan/kWh",
                     *           "source": null
                     *         },
                     *         {
                     *           "indicator": "air-purification-so2",
                     *           "title": "空气净化 — 二氧化硫",
                     *           "category": "regulating",
                     *           "subtotal": "空气净化",
                     *           "quantityUnit": "t-SO2",
                     *           "factors": [],
                     *           "price": {
                     *             "value": "1263",
                     *             "unit": "yuan/t-SO2",
                     *             "year": 2018,
                     *             "source": "环境保护税 1.2元/当量 ÷ 0.95 kg/当量"
                     *           },
                     *           "status": "not-assessed",
                     *           "quantity": null,
                     *           "value": null,
                     *           "formula": "t-SO2 × 1263 yuan/t-SO2",
                     *           "source": null
                     *         },
                     *         {
                     *           "indicator": "water-purification-cod",
                     *           "title": "水质净化 — 化学需氧量",
                     *           "category": "regulating",
                     *           "subtotal": "水质净化",
                     *           "quantityUnit": "t-COD",
                     *           "factors": [],
                     *           "price": {
                     *             "value": "1400",
                     *             "unit": "yuan/t-COD",
                     *             "year": 2018,
                     *             "source": "环境保护税 1.4元/当量 ÷ 1 kg/当量"
                     *           },
                     *           "status": "not-assessed",
                     *           "quantity": null,
                     *           "value": null,
                     *           "formula": "t-COD × 1400 yuan/t-COD",
                     *           "source": null
                     *         },
                     *         {
                     *           "indicator": "flood-regulation",
                     *           "title": "洪水调蓄",
                     *           "category": "regulating",
                     *           "subtotal": "洪水调蓄",
                     *           "quantityUnit": "m3",
                     *           "factors": [],
                     *           "price": {
                     *             "value": "6.1107",
                     *             "unit": "yuan/m3",
                     *             "year": 2020,
                     *             "source": "水库单位库容工程造价"
                     *           },
                     *           "status": "not-assessed",
                     *           "quantity": null,
                     *           "value": null,
                     *           "formula": "m3 × 6.1107 yuan/m3",
                     *           "source": null
                     *         },
                     *         {
                     *           "indicator": "recreation",
                     *           "title": "休闲旅游",
                     *           "category": "cultural",
                     *           "subtotal": "休闲旅游",
                     *           "quantityUnit": "visit",
                     *           "factors": [],
                     *           "price": {
                     *             "value": "120",
                     *             "unit": "yuan/visit",
                     *             "year": 2023,
                     *             "source": "旅行费用法人均支出"
                     *           },
                     *           "status": "not-assessed",
                     *           "quantity": null,
                     *           "value": null,
                     *           "formula": "visit × 120 yuan/visit",
                     *           "source": null
                     *         }
                     *       ],
                     *       "subtotals": [
                     *         {
                     *           "category": "material",
                     *           "subtotal": "农业产品",
                     *           "value": "0.00",
                     *           "assessed": 0,
                     *           "notAssessed": 1
                     *         },
                     *         {
                     *           "category": "material",
                     *           "subtotal": "林业产品",
                     *           "value": "0.00",
                     *           "assessed": 0,
                     *           "notAssessed": 1
                     *         },
                     *         {
                     *           "category": "material",
                     *           "subtotal": "水资源",
                     *           "value": "0.00",
                     *           "assessed": 0,
                     *           "notAssessed": 1
                     *         },
                     *         {
                     *           "category": "regulating",
                     *           "subtotal": "水源涵养",
                     *           "value": "0.00",
                     *           "assessed": 0,
                     *           "notAssessed": 1
                     *         },
                     *         {
                     *           "category": "regulating",
                     *           "subtotal": "土壤保持",
                     *           "value": "0.00",
                     *           "assessed": 0,
                     *           "notAssessed": 3
                     *         },
                     *         {
                     *           "category": "regulating",
                     *           "subtotal": "固碳释氧",
                     *           "value": "0.00",
                     *           "assessed": 0,
                     *           "notAssessed": 2
                     *         },
                     *         {
                     *           "category": "regulating",
                     *           "subtotal": "气候调节",
                     *           "value": "0.00",
                     *           "assessed": 0,
                     *           "notAssessed": 1
                     *         },
                     *         {
                     *           "category": "regulating",
                     *           "subtotal": "空气净化",
                     *           "value": "0.00",
                     *           "assessed": 0,
                     *           "notAssessed": 1
                     *         },
                     *         {
                     *           "category": "regulating",
                     *           "subtotal": "水质净化",
                     *           "value": "0.00",
                     *           "assessed": 0,
                     *           "notAssessed": 1
                     *         },
                     *         {
                     *           "category": "regulating",
                     *           "subtotal": "洪水调蓄",
                     *           "value": "0.00",
                     *           "assessed": 0,
                     *           "notAssessed": 1
                     *         },
                     *         {
                     *           "category": "cultural",
                     *           "subtotal": "休闲旅游",
                     *           "value": "0.00",
                     *           "assessed": 0,
                     *           "notAssessed": 1
                     *         }
                     *       ],
                     *       "categories": {
                     *         "material": "0.00",
                     *         "regulating": "0.00",
                     *         "cultural": "0.00"
                     *       },
                     *       "total": "0.00",
                     *       "notAssessed": [
                     *         "crops",
                     *         "timber",
                     *         "water-supply",
                     *         "water-conservation",
                     *         "soil-retention-dredging",
                     *         "soil-retention-nitrogen",
                     *         "soil-retention-phosphorus",
                     *         "carbon-sequestration",
                     *         "oxygen-release",
                     *         "climate-regulation",
                     *         "air-purification-so2",
                     *         "water-purification-cod",
                     *         "flood-regulation",
                     *         "recreation"
                     *       ],
                     *       "complete": false,
                     *       "ruleSet": {
                     *         "id": "gep-method",
                     *         "version": 1,
                     *         "hash": "sha256:cd41a7e6d035517df9c8ea3b7389cd4f07935661f5453de3ce65165c3f42cfa2"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["GepAccount"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordGepMeasurements: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                unitCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GepMeasurements"];
            };
        };
        responses: {
            /** @description Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "recorded": 7
                     *     }
                     */
                    "application/json": {
                        recorded: number;
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assessGepLoan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body returns the first answer; with another body, 409. */
                "idempotency-key"?: string;
            };
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssessGepLoan"];
            };
        };
        responses: {
            /** @description The assessment */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "lna_01a20b4809007d8dbe619431a8f40e7c",
                     *       "eligible": true,
                     *       "failedConditions": [],
                     *       "pledges": [
                     *         {
                     *           "type": "gep",
                     *           "reference": "dongtan-plot-07",
                     *           "basis": "1500000.00",
                     *           "basisDescription": "GEP 2025 of 东滩湿地7号地块 1500000.00 yuan (not assessed: crops, timber, water-supply, water-conservation, soil-retention-dredging, soil-retention-nitrogen, soil-retention-phosphorus, carbon-sequestration, oxygen-release, climate-regulation, air-purification-so2, water-purification-cod, flood-regulation)",
                     *           "ratio": "0.3",
                     *           "ceiling": "450000.00"
                     *         }
                     *       ],
                     *       "pledgeTotal": "450000.00",
                     *       "lineMultiplier": "1.2",
                     *       "cap": {
                     *         "borrowerKind": "firm",
                     *         "guarantee": "guaranteed",
                     *         "max": "1000000.00"
                     *       },
                     *       "ceiling": "540000.00",
                     *       "requestedAmount": "400000.00",
                     *       "withinCeiling": true,
                     *       "termMonths": 36,
                     *       "maxTermMonths": 60,
                     *       "rateAdjustmentBp": -50,
                     *       "grade": "blue",
                     *       "reasons": [
                     *         "credit grade blue (良好) meets the required yellow",
                     *         "gep dongtan-plot-07: GEP 2025 of 东滩湿地7号地块 1500000.00 yuan (not assessed: crops, timber, water-supply, water-conservation, soil-retention-dredging, soil-retention-nitrogen, soil-retention-phosphorus, carbon-sequestration, oxygen-release, climate-regulation, air-purification-so2, water-purification-cod, flood-regulation) × 0.3 = 450000.00 yuan",
                     *         "grade blue: rate -50 bp, credit line × 1.2",
                     *         "indicative ceiling 540000.00 yuan; requested 400000.00 yuan is within it"
                     *       ],
                     *       "ruleSets": [
                     *         {
                     *           "id": "gep-eco-loan",
                     *           "version": 1,
                     *           "hash": "sha256:8ae8f48dce39da2e8c2267c07681b9d5964bc69c8051d6030abc1c51dabf593a"
                     *         },
                     *         {
                     *           "id": "firm-env-credit",
                     *           "version": 1,
                     *           "hash": "sha256:05dfaa154bbe92211c1b5301c19c1c67b32054b130e84cf8ad6e76f47688970e"
                     *         },
                     *         {
                     *           "id": "firm-behaviours",
                     *           "version": 1,
                     *           "hash": "sha256:73cf9dbf7b9160442ce1e84933254520cb9ceb54d7e376e8a15af8f26b42d9ff"
                     *         },
                     *         {
                     *           "id": "gep-method",
                     *           "version": 1,
                     *           "hash": "sha256:cd41a7e6d035517df9c8ea3b7389cd4f07935661f5453de3ce65165c3f42cfa2"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["GepLoanAssessment"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden`, `no-consent`, `purpose-not-granted`, `scope-not-granted`, `consent-expired`, `consent-revoked` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `idempotency-key-reused`, `idempotency-in-progress` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable. Problem types: `pledge-refused`, `scorecard-incomplete` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listLoanProducts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Products */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "carbon-sink-loan",
                     *           "version": 1,
                     *           "hash": "sha256:af779ec4ca1f79c39947d5080b357482ebad08bde358e5142737425c818b8df0",
                     *           "title": "林业碳汇贷 (forest carbon-sink loan)",
                     *           "product": {
                     *             "name": "林业碳汇贷",
                     *             "borrowerKinds": [
                     *               "firm"
                     *             ],
                     *             "eligibility": {
                     *               "minGrade": {
                     *                 "firm": "blue"
                     *               },
                     *               "noMajorIncidentYears": 3,
                     *               "adminPenaltyCodes": [
                     *                 "ENV-PENALTY"
                     *               ],
                     *               "notBlackListed": true,
                     *               "requireEcoPledge": false
                     *             },
                     *             "pledges": {
                     *               "forest-rights": {
                     *                 "ratio": "0.50"
                     *               },
                     *               "carbon-sink": {
                     *                 "referencePrice": "58.50",
                     *                 "ratio": "0.80"
                     *               }
                     *             },
                     *             "caps": [
                     *               {
                     *                 "borrowerKind": "firm",
                     *                 "guarantee": "none",
                     *                 "max": "1000000.00"
                     *               },
                     *               {
                     *                 "borrowerKind": "firm",
                     *                 "guarantee": "collateral",
                     *                 "max": "3000000.00"
                     *               }
                     *             ],
                     *             "maxTermMonths": 36,
                     *             "rateByGrade": {
                     *               "green": {
                     *                 "bp": -60,
                     *                 "lineMultiplier": "1.2"
                     *               },
                     *               "blue": {
                     *                 "bp": -30,
                     *                 "lineMultiplier": "1.0"
                     *               }
                     *             }
                     *           }
                     *         },
                     *         {
                     *           "id": "gep-eco-loan",
                     *           "version": 1,
                     *           "hash": "sha256:8ae8f48dce39da2e8c2267c07681b9d5964bc69c8051d6030abc1c51dabf593a",
                     *           "title": "GEP生态贷 (GEP eco-loan)",
                     *           "product": {
                     *             "name": "GEP生态贷",
                     *             "borrowerKinds": [
                     *               "firm",
                     *               "resident"
                     *             ],
                     *             "eligibility": {
                     *               "minGrade": {
                     *                 "firm": "yellow",
                     *                 "resident": "c"
                     *               },
                     *               "noMajorIncidentYears": 3,
                     *               "noAdminPenaltyMonths": 12,
                     *               "adminPenaltyCodes": [
                     *                 "ENV-PENALTY"
                     *               ],
                     *               "notBlackListed": true,
                     *               "requireEcoPledge": true
                     *             },
                     *             "pledges": {
                     *               "gep": {
                     *                 "ratio": "0.30"
                     *               },
                     *               "forest-rights": {
                     *                 "ratio": "0.60"
                     *               },
                     *               "discharge-rights": {
                     *                 "ratio": "0.80"
                     *               },
                     *               "carbon-sink": {
                     *                 "referencePrice": "58.50",
                     *                 "ratio": "1"
                     *               }
                     *             },
                     *             "caps": [
                     *               {
                     *                 "borrowerKind": "firm",
                     *                 "guarantee": "none",
                     *                 "max": "300000.00"
                     *               },
                     *               {
                     *                 "borrowerKind": "firm",
                     *                 "guarantee": "guaranteed",
                     *                 "max": "1000000.00"
                     *               },
                     *               {
                     *                 "borrowerKind": "firm",
                     *                 "guarantee": "collateral",
                     *                 "max": "5000000.00"
                     *               },
                     *               {
                     *                 "borrowerKind": "resident",
                     *                 "guarantee": "none",
                     *                 "max": "300000.00"
                     *               },
                     *               {
                     *                 "borrowerKind": "resident",
                     *                 "guarantee": "guaranteed",
                     *                 "max": "500000.00"
                     *               }
                     *             ],
                     *             "maxTermMonths": 60,
                     *             "rateByGrade": {
                     *               "green": {
                     *                 "bp": -100,
                     *                 "lineMultiplier": "1.3"
                     *               },
                     *               "blue": {
                     *                 "bp": -50,
                     *                 "lineMultiplier": "1.2"
                     *               },
                     *               "yellow": {
                     *                 "bp": 0,
                     *                 "lineMultiplier": "1.0"
                     *               },
                     *               "a": {
                     *                 "bp": -80,
                     *                 "lineMultiplier": "1.2"
                     *               },
                     *               "b": {
                     *                 "bp": -40,
                     *                 "lineMultiplier": "1.1"
                     *               },
                     *               "c": {
                     *                 "bp": 0,
                     *                 "lineMultiplier": "1.0"
                     *               }
                     *             }
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["LoanProduct"][];
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOwnSubject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subject */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subject"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listObjections: {
        parameters: {
            query?: {
                /**
                 * @description Only open objections past their due date
                 * @example true
                 */
                overdue?: "true" | "false";
                status?: "open" | "upheld" | "rejected";
                subjectId?: string;
            };
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Objections */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": []
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Objection"][];
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resolveObjection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                /** @example obj_01a20b4809007eba911bae11b9102045 */
                objectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveObjection"];
            };
        };
        responses: {
            /** @description Answered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "obj_01a20b4809007eba911bae11b9102045",
                     *       "subjectId": "sub_01a20b480900770fac2769f24e197885",
                     *       "eventId": "evt_01a20b48090070dfa3770377c1b97c62",
                     *       "statement": "不是我",
                     *       "filedAt": "2026-11-24T02:00:00.000Z",
                     *       "dueOn": "2026-12-14",
                     *       "overdue": false,
                     *       "status": "rejected",
                     *       "resolvedAt": "2026-11-24T02:00:00.000Z",
                     *       "resolvedBy": "cli_01a20b48090070db93c7c868cf40c69e",
                     *       "resolution": "监控录像确认",
                     *       "reversalEventId": null
                     *     }
                     */
                    "application/json": components["schemas"]["Objection"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `objection-closed`, `already-reversed` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    awardPoints: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body returns the first answer; with another body, 409. */
                "idempotency-key"?: string;
            };
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AwardPoints"];
            };
        };
        responses: {
            /** @description Awarded (maybe in part) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "entry": {
                     *         "id": "ple_01a20b480900741dad4a0ad721f63d4f",
                     *         "kind": "earn",
                     *         "points": 2,
                     *         "actionCode": "WASTE-SORTING",
                     *         "source": null,
                     *         "earnedOn": "2026-11-24",
                     *         "availableOn": "2026-11-24",
                     *         "expiresOn": "2027-12-31",
                     *         "reason": "垃圾分类投放",
                     *         "evidence": null,
                     *         "lotId": null,
                     *         "redemptionId": null,
                     *         "recordedAt": "2026-11-24T02:00:00.000Z",
                     *         "ruleSet": {
                     *           "id": "points-catalogue",
                     *           "hash": "sha256:193eccba222d80397f97f839c70389f69f906576fc8bbdcc69202df2f3f2e4d4"
                     *         }
                     *       },
                     *       "requested": 2,
                     *       "awarded": 2,
                     *       "refused": null,
                     *       "ruleSet": {
                     *         "id": "points-catalogue",
                     *         "version": 1,
                     *         "hash": "sha256:193eccba222d80397f97f839c70389f69f906576fc8bbdcc69202df2f3f2e4d4"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PointsAward"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body`, `future-date`, `award-refused` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden`, `action-not-permitted`, `source-switched-off` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `idempotency-key-reused`, `idempotency-in-progress`, `duplicate-award` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable. Problem types: `unknown-action`, `action-not-for-holder`, `award-refused`, `cap-reached` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reversePointsAward: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                /** @example ple_01a20b4809007788b293a747379cb7e2 */
                entryId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "重复登记"
                 *     }
                 */
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The reversing entry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ple_01a20b48090075f6b6e12e9c62771bb9",
                     *       "kind": "reverse",
                     *       "points": -50,
                     *       "actionCode": "VOLUNTEER-DAY",
                     *       "source": null,
                     *       "earnedOn": "2026-11-24",
                     *       "availableOn": "2026-11-24",
                     *       "expiresOn": null,
                     *       "reason": "reversed: 重复登记",
                     *       "evidence": null,
                     *       "lotId": "ple_01a20b4809007788b293a747379cb7e2",
                     *       "redemptionId": null,
                     *       "recordedAt": "2026-11-24T02:00:00.000Z",
                     *       "ruleSet": null
                     *     }
                     */
                    "application/json": components["schemas"]["PointsLedgerEntry"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `already-spent` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable. Problem types: `not-an-award` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeemPoints: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body returns the first answer; with another body, 409. */
                "idempotency-key"?: string;
            };
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "benefitId": "ben_01a20b48090078779de5672f5f5ab937"
                 *     }
                 */
                "application/json": components["schemas"]["RedeemPoints"];
            };
        };
        responses: {
            /** @description Redeemed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "redemptionId": "red_01a20b4809007ab48d43aeac0c40d735",
                     *       "benefit": {
                     *         "id": "ben_01a20b48090078779de5672f5f5ab937",
                     *         "name": "购物券",
                     *         "description": null,
                     *         "cost": 50,
                     *         "stock": null,
                     *         "left": null,
                     *         "holderKinds": [
                     *           "resident"
                     *         ],
                     *         "validFrom": "2026-01-01",
                     *         "validUntil": "2027-12-31"
                     *       },
                     *       "cost": 50,
                     *       "entry": {
                     *         "id": "ple_01a20b4809007b4ca2b54b31800469ac",
                     *         "kind": "redeem",
                     *         "points": -50,
                     *         "actionCode": null,
                     *         "source": null,
                     *         "earnedOn": "2026-11-24",
                     *         "availableOn": "2026-11-24",
                     *         "expiresOn": null,
                     *         "reason": "redeemed: 购物券",
                     *         "evidence": null,
                     *         "lotId": null,
                     *         "redemptionId": "red_01a20b4809007ab48d43aeac0c40d735",
                     *         "recordedAt": "2026-11-24T02:00:00.000Z",
                     *         "ruleSet": null
                     *       },
                     *       "balance": 0
                     *     }
                     */
                    "application/json": components["schemas"]["PointsRedemption"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden`, `benefit-not-for-holder` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `idempotency-key-reused`, `idempotency-in-progress`, `sold-out`, `insufficient-points` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable. Problem types: `benefit-not-valid` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPointsStatistics: {
        parameters: {
            query: {
                /** @example 2026-10 */
                from: string;
                /** @example 2026-11 */
                to: string;
            };
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One row per month and action (redemptions per month, with actionCode null) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "month": "2026-10",
                     *           "actionCode": "VOLUNTEER-DAY",
                     *           "issued": 50,
                     *           "redeemed": 0,
                     *           "expired": 0,
                     *           "reversed": 0
                     *         },
                     *         {
                     *           "month": "2026-11",
                     *           "actionCode": null,
                     *           "issued": 0,
                     *           "redeemed": 30,
                     *           "expired": 0,
                     *           "reversed": 0
                     *         },
                     *         {
                     *           "month": "2026-11",
                     *           "actionCode": "VOLUNTEER-DAY",
                     *           "issued": 50,
                     *           "redeemed": 0,
                     *           "expired": 0,
                     *           "reversed": 0
                     *         },
                     *         {
                     *           "month": "2026-11",
                     *           "actionCode": "WASTE-SORTING",
                     *           "issued": 2,
                     *           "redeemed": 0,
                     *           "expired": 0,
                     *           "reversed": 0
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            actionCode: string | null;
                            expired: number;
                            issued: number;
                            month: string;
                            redeemed: number;
                            reversed: number;
                        }[];
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listQueryLog: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
                subjectId?: string;
            };
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["QueryLogEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueCreditReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body returns the first answer; with another body, 409. */
                "idempotency-key"?: string;
            };
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueCreditReport"];
            };
        };
        responses: {
            /** @description The signed report */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "reportId": "rpt_01a20b4809007a4e99a809ff3cf09f22",
                     *       "report": "eyJhbGciOiJFZERTQSIsImtpZCI6ImNob25nbWluZy0yMDI2MTEyNC1hMjBlZjQxNSIsInR5cCI6InZjK2p3dCJ9.eyJAY29udGV4dCI6WyJodHRwczovL3d3dy53My5vcmcvbnMvY3JlZGVudGlhbHMvdjIiXSwidHlwZSI6WyJWZXJpZmlhYmxlQ3JlZGVudGlhbCIsIkVjb0NyZWRpdFJlcG9ydCJdLCJpZCI6InVybjplY28tY3JlZGl0OnJlcG9ydDpycHRfMDFhMjBiNDgwOTAwN2E0ZTk5YTgwOWZmM2NmMDlmMjIiLCJpc3N1ZXIiOiJodHRwOi8vbG9jYWxob3N0L2Rpc3RyaWN0cy9jaG9uZ21pbmciLCJ2YWxpZEZyb20iOiIyMDI2LTExLTI0VDAyOjAwOjAwLjAwMFoiLCJ2YWxpZFVudGlsIjoiMjAyNi0xMi0yNFQwMjowMDowMC4wMDBaIiwiY3JlZGVudGlhbFN1YmplY3QiOnsiaWQiOiJ1cm46ZWNvLWNyZWRpdDpzdWJqZWN0OnN1Yl8wMWEyMGI0ODA5MDA3MGRlODRkNjIyZTgwOGM2ZmRmZSIsImtpbmQiOiJyZXNpZGVudCIsImRpc3BsYXlJZCI6IjMxMDIzMCoqKioqKioqMTIzMyIsImRpc3RyaWN0IjoiY2hvbmdtaW5nIiwicG9pbnRzU3VtbWFyeSI6eyJiYWxhbmNlIjowLCJwZW5kaW5nIjowfX0sInB1cnBvc2UiOiJndWFyYW50ZWUiLCJzY29wZXMiOlsicG9pbnRzLXN1bW1hcnkiXSwiY29uc2VudCI6eyJpZCI6ImNvbl8wMWEyMGI0ODA5MDA3ZjgwODdkMDZmMzhjYmJiODU1ZSIsImdyYW50ZWRBdCI6IjIwMjYtMTEtMjRUMDI6MDA6MDAuMDAwWiIsImV4cGlyZXNBdCI6IjIwMjctMDItMjJUMDI6MDA6MDAuMDAwWiJ9LCJhdWRpZW5jZU5hbWUiOiJjaG9uZ21pbmcgYmFuayIsInJ1bGVTZXRzIjpbXSwiaXNzIjoiaHR0cDovL2xvY2FsaG9zdC9kaXN0cmljdHMvY2hvbmdtaW5nIiwic3ViIjoidXJuOmVjby1jcmVkaXQ6c3ViamVjdDpzdWJfMDFhMjBiNDgwOTAwNzBkZTg0ZDYyMmU4MDhjNmZkZmUiLCJhdWQiOiJjbGlfMDFhMjBiNDgwOTAwN2Y0NmE0NzQ1NDgyMDg1OTA5MzYiLCJpYXQiOjE3OTU0ODU2MDAsIm5iZiI6MTc5NTQ4NTYwMCwiZXhwIjoxNzk4MDc3NjAwLCJqdGkiOiJycHRfMDFhMjBiNDgwOTAwN2E0ZTk5YTgwOWZmM2NmMDlmMjIifQ.0UxL2A93DYHHcbamBKce_akfaT4EOCU5tOblqx0A5hsTReQnJ3s3H3_kJkPluRxoCV1YlhiS3DMhrFugY71TCQ",
                     *       "kid": "chongming-20261124-a20ef415",
                     *       "issuer": "http://localhost/districts/chongming",
                     *       "issuedAt": "2026-11-24T02:00:00.000Z",
                     *       "expiresAt": "2026-12-24T02:00:00.000Z",
                     *       "consentId": "con_01a20b4809007f8087d06f38cbbb855e",
                     *       "jwksUrl": "http://localhost/districts/chongming/.well-known/jwks.json"
                     *     }
                     */
                    "application/json": components["schemas"]["SignedCreditReport"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden`, `no-consent`, `purpose-not-granted`, `scope-not-granted`, `consent-expired`, `consent-revoked` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `idempotency-key-reused`, `idempotency-in-progress` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable. Problem types: `scorecard-incomplete` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyCreditReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "report": "eyJhbGciOiJFZERTQSIsImtpZCI6ImNob25nbWluZy0yMDI2MTEyNC1iYTM4ZDA4NSIsInR5cCI6InZjK2p3dCJ9.eyJAY29udGV4dCI6WyJodHRwczovL3d3dy53My5vcmcvbnMvY3JlZGVudGlhbHMvdjIiXSwidHlwZSI6WyJWZXJpZmlhYmxlQ3JlZGVudGlhbCIsIkVjb0NyZWRpdFJlcG9ydCJdLCJpZCI6InVybjplY28tY3JlZGl0OnJlcG9ydDpycHRfMDFhMjBiNDgwOTAwNzhjZmI5ZTRjNTQ3ODFjYjhhNzMiLCJpc3N1ZXIiOiJodHRwOi8vbG9jYWxob3N0L2Rpc3RyaWN0cy9jaG9uZ21pbmciLCJ2YWxpZEZyb20iOiIyMDI2LTExLTI0VDAyOjAwOjAwLjAwMFoiLCJ2YWxpZFVudGlsIjoiMjAyNi0xMi0yNFQwMjowMDowMC4wMDBaIiwiY3JlZGVudGlhbFN1YmplY3QiOnsiaWQiOiJ1cm46ZWNvLWNyZWRpdDpzdWJqZWN0OnN1Yl8wMWEyMGI0ODA5MDA3MWRhYmEyZGUwM2VmMDY5ZTU5NCIsImtpbmQiOiJyZXNpZGVudCIsImRpc3BsYXlJZCI6IjMxMDIzMCoqKioqKioqMTIzMyIsImRpc3RyaWN0IjoiY2hvbmdtaW5nIiwiY3JlZGl0Ijp7ImFzT2YiOiIyMDI2LTExLTI0VDAyOjAwOjAwLjAwMFoiLCJzY29yZSI6NzcsImdyYWRlIjoiYyIsImdyYWRlTGFiZWwiOiLkuIDoiKwiLCJzY29yZUdyYWRlIjoiYyIsIml0ZW1zIjpbeyJyZWFzb25Db2RlIjoibmVnYXRpdmUtYmVoYXZpb3VyIiwicmVhc29uIjoi55Sf5oCB5aSx5L-h6KGM5Li65omj5YiGIChuZWdhdGl2ZSBiZWhhdmlvdXIsIDEyIG1vbnRocykiLCJwb2ludHMiOi0zLCJldmVudHMiOlt7ImV2ZW50SWQiOiJldnRfMDFhMjBiNDgwOTAwNzBiMzg2NGQyOTlkZjk1NjUxNWEiLCJjb2RlIjoiSUxMRUdBTC1ESVNDSEFSR0UiLCJ0aXRsZSI6Iui_neazleaOkuaUviIsIm9jY3VycmVkT24iOiIyMDI2LTEwLTAxIiwicG9pbnRzIjotMywiZGlzcHV0ZWQiOmZhbHNlfV19XSwib3ZlcnJpZGVzIjpbXSwibGlzdHMiOltdLCJkaXNwdXRlZCI6W119fSwicHVycG9zZSI6ImxvYW4tYXBwbGljYXRpb24iLCJzY29wZXMiOlsiY3JlZGl0Il0sImNvbnNlbnQiOnsiaWQiOiJjb25fMDFhMjBiNDgwOTAwNzUzMzhhN2NjMGRmNzM0MmFjYjAiLCJncmFudGVkQXQiOiIyMDI2LTExLTI0VDAyOjAwOjAwLjAwMFoiLCJleHBpcmVzQXQiOiIyMDI3LTAyLTIyVDAyOjAwOjAwLjAwMFoifSwiYXVkaWVuY2VOYW1lIjoiY2hvbmdtaW5nIGJhbmsiLCJydWxlU2V0cyI6W3siaWQiOiJyZXNpZGVudC12aWxsYWdlIiwidmVyc2lvbiI6MSwiaGFzaCI6InNoYTI1NjoyODVmMTQ2ZTQzMmUwNmY2MWU2NjUyYjRiZjc1ZGZjOTViNjA1M2UxNDZhMzg0MjVhZDM0MzNlMjhjOTc4MzIwIn0seyJpZCI6InJlc2lkZW50LWJlaGF2aW91cnMiLCJ2ZXJzaW9uIjoxLCJoYXNoIjoic2hhMjU2OjA0ZDA1Y2IxNTZmOWMyNzQwODMyYTYyNGYzZDY2MjVlZmNmYmNhODE2M2U0ZWMwM2YxMzVmOTc5YjAyOTBmZjEifV0sImlzcyI6Imh0dHA6Ly9sb2NhbGhvc3QvZGlzdHJpY3RzL2Nob25nbWluZyIsInN1YiI6InVybjplY28tY3JlZGl0OnN1YmplY3Q6c3ViXzAxYTIwYjQ4MDkwMDcxZGFiYTJkZTAzZWYwNjllNTk0IiwiYXVkIjoiY2xpXzAxYTIwYjQ4MDkwMDc5OWY4N2MzMDQ5OGE2NGQ2MjUzIiwiaWF0IjoxNzk1NDg1NjAwLCJuYmYiOjE3OTU0ODU2MDAsImV4cCI6MTc5ODA3NzYwMCwianRpIjoicnB0XzAxYTIwYjQ4MDkwMDc4Y2ZiOWU0YzU0NzgxY2I4YTczIn0.uazefs6hx94hZp417EXbZ4HeKmsxD5cnfLtPLKXvAN4G8wsoVBizQZqRxFgvDtq8tWe70Bpuw6t2jH4sl2G6BQ"
                 *     }
                 */
                "application/json": components["schemas"]["VerifyCreditReport"];
            };
        };
        responses: {
            /** @description Genuine */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "valid": true,
                     *       "header": {
                     *         "alg": "EdDSA",
                     *         "kid": "chongming-20261124-ba38d085",
                     *         "typ": "vc+jwt"
                     *       },
                     *       "payload": {
                     *         "@context": [
                     *           "https://www.w3.org/ns/credentials/v2"
                     *         ],
                     *         "type": [
                     *           "VerifiableCredential",
                     *           "EcoCreditReport"
                     *         ],
                     *         "id": "urn:eco-credit:report:rpt_01a20b48090078cfb9e4c54781cb8a73",
                     *         "issuer": "http://localhost/districts/chongming",
                     *         "validFrom": "2026-11-24T02:00:00.000Z",
                     *         "validUntil": "2026-12-24T02:00:00.000Z",
                     *         "credentialSubject": {
                     *           "id": "urn:eco-credit:subject:sub_01a20b48090071daba2de03ef069e594",
                     *           "kind": "resident",
                     *           "displayId": "310230********1233",
                     *           "district": "chongming",
                     *           "credit": {
                     *             "asOf": "2026-11-24T02:00:00.000Z",
                     *             "score": 77,
                     *             "grade": "c",
                     *             "gradeLabel": "一般",
                     *             "scoreGrade": "c",
                     *             "items": [
                     *               {
                     *                 "reasonCode": "negative-behaviour",
                     *                 "reason": "生态失信行为扣分 (negative behaviour, 12 months)",
                     *                 "points": -3,
                     *                 "events": [
                     *                   {
                     *                     "eventId": "evt_01a20b48090070b3864d299df956515a",
                     *                     "code": "ILLEGAL-DISCHARGE",
                     *                     "title": "违法排放",
                     *                     "occurredOn": "2026-10-01",
                     *                     "points": -3,
                     *                     "disputed": false
                     *                   }
                     *                 ]
                     *               }
                     *             ],
                     *             "overrides": [],
                     *             "lists": [],
                     *             "disputed": []
                     *           }
                     *         },
                     *         "purpose": "loan-application",
                     *         "scopes": [
                     *           "credit"
                     *         ],
                     *         "consent": {
                     *           "id": "con_01a20b48090075338a7cc0df7342acb0",
                     *           "grantedAt": "2026-11-24T02:00:00.000Z",
                     *           "expiresAt": "2027-02-22T02:00:00.000Z"
                     *         },
                     *         "audienceName": "chongming bank",
                     *         "ruleSets": [
                     *           {
                     *             "id": "resident-village",
                     *             "version": 1,
                     *             "hash": "sha256:285f146e432e06f61e6652b4bf75dfc95b6053e146a38425ad3433e28c978320"
                     *           },
                     *           {
                     *             "id": "resident-behaviours",
                     *             "version": 1,
                     *             "hash": "sha256:04d05cb156f9c2740832a624f3d6625efcfbca8163e4ec03f135f979b0290ff1"
                     *           }
                     *         ],
                     *         "iss": "http://localhost/districts/chongming",
                     *         "sub": "urn:eco-credit:subject:sub_01a20b48090071daba2de03ef069e594",
                     *         "aud": "cli_01a20b480900799f87c30498a64d6253",
                     *         "iat": 1795485600,
                     *         "nbf": 1795485600,
                     *         "exp": 1798077600,
                     *         "jti": "rpt_01a20b48090078cfb9e4c54781cb8a73"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["VerifiedCreditReport"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable. Problem types: `report-malformed`, `report-unknown-kid`, `report-bad-signature`, `report-expired`, `report-not-yet-valid`, `report-wrong-audience`, `report-wrong-issuer`, `report-wrong-type` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRuleSetVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                /** @example rsv_01a20b48090074c0a19029f54284aad4 */
                versionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleSetVersionWithSource"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishRuleSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                /** @example rsv_01a20b4809007022bccb63ac0e8d83a2 */
                versionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishRuleSet"];
            };
        };
        responses: {
            /** @description Published */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "versionId": "rsv_01a20b4809007022bccb63ac0e8d83a2",
                     *       "ruleSetId": "town-eco-fund",
                     *       "hash": "sha256:9c0565c89e0ba27cf812570f79f29b0d09205ee1599208e995975b05a8de6c83",
                     *       "status": "published",
                     *       "effectiveFrom": "2026-12-01",
                     *       "publishedAt": "2026-11-24T02:00:00.000Z",
                     *       "publishedBy": "cli_01a20b4809007b0fb8dc23a29034f509"
                     *     }
                     */
                    "application/json": {
                        effectiveFrom: string;
                        hash: string;
                        publishedAt: string;
                        publishedBy: string;
                        ruleSetId: string;
                        /** @enum {string} */
                        status: "published";
                        versionId: string;
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body`, `future-date` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `already-published` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    simulateRuleSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                /** @example rsv_01a20b4809007f3f8bc4b837a428cd11 */
                versionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "inputs": {
                 *         "period": "2026",
                 *         "fund": "1000002.00",
                 *         "recipients": [
                 *           {
                 *             "id": "town-00",
                 *             "values": {
                 *               "gep": "3178239",
                 *               "redline_area": "32",
                 *               "forest_area": "2341",
                 *               "assessment": "42"
                 *             }
                 *           },
                 *           {
                 *             "id": "town-01",
                 *             "values": {
                 *               "gep": "5071177",
                 *               "redline_area": "1900",
                 *               "forest_area": "4991",
                 *               "assessment": "0"
                 *             }
                 *           },
                 *           {
                 *             "id": "town-02",
                 *             "values": {
                 *               "gep": "9999993",
                 *               "redline_area": "4758",
                 *               "forest_area": "1133",
                 *               "assessment": "2"
                 *             }
                 *           },
                 *           {
                 *             "id": "town-03",
                 *             "values": {
                 *               "gep": "9999991",
                 *               "redline_area": "1432",
                 *               "forest_area": "1839",
                 *               "assessment": "2"
                 *             }
                 *           }
                 *         ],
                 *         "parameters": {
                 *           "floor_amount": "0"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["SimulateRuleSet"];
            };
        };
        responses: {
            /** @description The simulated allocation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "inputsFrom": "given",
                     *       "result": {
                     *         "scheme": "split",
                     *         "period": "2026",
                     *         "parameters": {
                     *           "floor_amount": "0"
                     *         },
                     *         "rounding": {
                     *           "unit": "0.01",
                     *           "method": "largest-remainder",
                     *           "tieBreak": "larger remainder first; equal remainders by recipient id, ascending"
                     *         },
                     *         "ruleSet": {
                     *           "id": "town-eco-fund",
                     *           "version": 1,
                     *           "hash": "sha256:00ed63eb418da04fa44d87ccb550423b8cc11b42c140a76ece15f0547604b725"
                     *         },
                     *         "fund": "1000002.00",
                     *         "total": "1000002.00",
                     *         "recipients": [
                     *           {
                     *             "id": "town-00",
                     *             "name": null,
                     *             "inputs": {
                     *               "gep": "3178239",
                     *               "redline_area": "32",
                     *               "forest_area": "2341",
                     *               "assessment": "42"
                     *             },
                     *             "shares": {
                     *               "gep": "0.112506424915",
                     *               "redline_area": "0.00393991627678",
                     *               "forest_area": "0.227193322981",
                     *               "assessment": "0.913043478261"
                     *             },
                     *             "weights": {
                     *               "gep": "0.4",
                     *               "redline_area": "0.3",
                     *               "forest_area": "0.2",
                     *               "assessment": "0.1"
                     *             },
                     *             "components": [
                     *               {
                     *                 "name": "weighted-share",
                     *                 "before": "182927.92",
                     *                 "after": "182927.92"
                     *               },
                     *               {
                     *                 "name": "rebalance",
                     *                 "before": "182927.92",
                     *                 "after": "195102.31"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "195102.30849184910846",
                     *             "amount": "195102.31"
                     *           },
                     *           {
                     *             "id": "town-01",
                     *             "name": null,
                     *             "inputs": {
                     *               "gep": "5071177",
                     *               "redline_area": "1900",
                     *               "forest_area": "4991",
                     *               "assessment": "0"
                     *             },
                     *             "shares": {
                     *               "gep": "0.179514502963",
                     *               "redline_area": "0.233932528934",
                     *               "forest_area": "0.484375",
                     *               "assessment": "0"
                     *             },
                     *             "weights": {
                     *               "gep": "0.4",
                     *               "redline_area": "0.3",
                     *               "forest_area": "0.2",
                     *               "assessment": "0.1"
                     *             },
                     *             "components": [
                     *               {
                     *                 "name": "weighted-share",
                     *                 "before": "238861.04",
                     *                 "after": "238861.04"
                     *               },
                     *               {
                     *                 "name": "rebalance",
                     *                 "before": "238861.04",
                     *                 "after": "254757.93"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "254757.93441121985509",
                     *             "amount": "254757.93"
                     *           },
                     *           {
                     *             "id": "town-02",
                     *             "name": null,
                     *             "inputs": {
                     *               "gep": "9999993",
                     *               "redline_area": "4758",
                     *               "forest_area": "1133",
                     *               "assessment": "2"
                     *             },
                     *             "shares": {
                     *               "gep": "0.35398957146",
                     *               "redline_area": "0.585816301404",
                     *               "forest_area": "0.109957298137",
                     *               "assessment": "0.0434782608696"
                     *             },
                     *             "weights": {
                     *               "gep": "0.4",
                     *               "redline_area": "0.3",
                     *               "forest_area": "0.2",
                     *               "assessment": "0.1"
                     *             },
                     *             "components": [
                     *               {
                     *                 "name": "weighted-share",
                     *                 "before": "343680.69",
                     *                 "after": "343680.69"
                     *               },
                     *               {
                     *                 "name": "cap",
                     *                 "before": "343680.69",
                     *                 "after": "300000.60",
                     *                 "note": "cut to the cap 300000.60"
                     *               }
                     *             ],
                     *             "constrained": "cap",
                     *             "exact": "300000.6",
                     *             "amount": "300000.60"
                     *           },
                     *           {
                     *             "id": "town-03",
                     *             "name": null,
                     *             "inputs": {
                     *               "gep": "9999991",
                     *               "redline_area": "1432",
                     *               "forest_area": "1839",
                     *               "assessment": "2"
                     *             },
                     *             "shares": {
                     *               "gep": "0.353989500662",
                     *               "redline_area": "0.176311253386",
                     *               "forest_area": "0.178474378882",
                     *               "assessment": "0.0434782608696"
                     *             },
                     *             "weights": {
                     *               "gep": "0.4",
                     *               "redline_area": "0.3",
                     *               "forest_area": "0.2",
                     *               "assessment": "0.1"
                     *             },
                     *             "components": [
                     *               {
                     *                 "name": "weighted-share",
                     *                 "before": "234532.35",
                     *                 "after": "234532.35"
                     *               },
                     *               {
                     *                 "name": "rebalance",
                     *                 "before": "234532.35",
                     *                 "after": "250141.16"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "250141.15709693103645",
                     *             "amount": "250141.16"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        inputsFrom: "given" | "last-run";
                        result: components["schemas"]["AllocationResult"];
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable. Problem types: `rule-file-invalid`, `wrong-rule-kind`, `allocation-refused`, `no-inputs` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadRuleSet: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body returns the first answer; with another body, 409. */
                "idempotency-key"?: string;
            };
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleSource"];
            };
        };
        responses: {
            /** @description The same content was already stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleSetVersion"];
                };
            };
            /** @description Stored as a new draft */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleSetVersion"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `idempotency-key-reused`, `idempotency-in-progress` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable. Problem types: `rule-file-invalid` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    diffRuleSets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                /** @example town-eco-fund */
                ruleSetId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "candidateVersionId": "rsv_01a20b4809007459abec1ec0835284df"
                 *     }
                 */
                "application/json": components["schemas"]["DiffRuleSets"];
            };
        };
        responses: {
            /** @description The difference */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ruleSetId": "town-eco-fund",
                     *       "base": {
                     *         "versionId": "rsv_01a20b48090077f7bc428df08430fa20",
                     *         "hash": "sha256:00ed63eb418da04fa44d87ccb550423b8cc11b42c140a76ece15f0547604b725",
                     *         "status": "published"
                     *       },
                     *       "candidate": {
                     *         "versionId": "rsv_01a20b4809007459abec1ec0835284df",
                     *         "hash": "sha256:3d824bde4cb6f3c2e8affedc2a7f29904d17018ee672fa5dce637c96af0b4c15",
                     *         "status": "draft"
                     *       },
                     *       "period": "2026",
                     *       "changes": [
                     *         {
                     *           "id": "chenjia",
                     *           "before": "9000000.00",
                     *           "after": "9000000.00",
                     *           "change": "0.00",
                     *           "changePercent": "0.00",
                     *           "crossed": []
                     *         },
                     *         {
                     *           "id": "gangyan",
                     *           "before": "6500649.80",
                     *           "after": "6279688.49",
                     *           "change": "-220961.31",
                     *           "changePercent": "-3.40",
                     *           "crossed": []
                     *         },
                     *         {
                     *           "id": "lvhua",
                     *           "before": "1750036.70",
                     *           "after": "2378946.90",
                     *           "change": "628910.20",
                     *           "changePercent": "35.94",
                     *           "crossed": []
                     *         },
                     *         {
                     *           "id": "miaozhen",
                     *           "before": "4724805.32",
                     *           "after": "4768235.80",
                     *           "change": "43430.48",
                     *           "changePercent": "0.92",
                     *           "crossed": []
                     *         },
                     *         {
                     *           "id": "xinhe",
                     *           "before": "8024508.18",
                     *           "after": "7573128.81",
                     *           "change": "-451379.37",
                     *           "changePercent": "-5.63",
                     *           "crossed": []
                     *         }
                     *       ],
                     *       "totalChange": "0.00",
                     *       "summary": {
                     *         "before": {
                     *           "mean": 6000000,
                     *           "median": 6500649.8,
                     *           "gini": 0.237328
                     *         },
                     *         "after": {
                     *           "mean": 6000000,
                     *           "median": 6279688.49,
                     *           "gini": 0.21396
                     *         }
                     *       },
                     *       "before": {
                     *         "scheme": "split",
                     *         "period": "2026",
                     *         "parameters": {
                     *           "floor_amount": "500000"
                     *         },
                     *         "rounding": {
                     *           "unit": "0.01",
                     *           "method": "largest-remainder",
                     *           "tieBreak": "larger remainder first; equal remainders by recipient id, ascending"
                     *         },
                     *         "ruleSet": {
                     *           "id": "town-eco-fund",
                     *           "version": 1,
                     *           "hash": "sha256:00ed63eb418da04fa44d87ccb550423b8cc11b42c140a76ece15f0547604b725"
                     *         },
                     *         "fund": "30000000.00",
                     *         "total": "30000000.00",
                     *         "recipients": [
                     *           {
                     *             "id": "chenjia",
                     *             "name": "陈家镇",
                     *             "inputs": {
                     *               "gep": "8120000000",
                     *               "redline_area": "5210",
                     *               "forest_area": "3120",
                     *               "assessment": "92",
                     *               "last_year": "9800000"
                     *             },
                     *             "shares": {
                     *               "gep": "0.516211061666",
                     *               "redline_area": "0.592045454545",
                     *               "forest_area": "0.409986859396",
                     *               "assessment": "0.2100456621"
                     *             },
                     *             "weights": {
                     *               "gep": "0.4",
                     *               "redline_area": "0.3",
                     *               "forest_area": "0.2",
                     *               "assessment": "0.1"
                     *             },
                     *             "components": [
                     *               {
                     *                 "name": "weighted-share",
                     *                 "before": "14612999.97",
                     *                 "after": "14612999.97"
                     *               },
                     *               {
                     *                 "name": "cap",
                     *                 "before": "14612999.97",
                     *                 "after": "9000000.00",
                     *                 "note": "cut to the cap 9000000.00"
                     *               }
                     *             ],
                     *             "constrained": "cap",
                     *             "exact": "9000000",
                     *             "amount": "9000000.00"
                     *           },
                     *           {
                     *             "id": "xinhe",
                     *             "name": "新河镇",
                     *             "inputs": {
                     *               "gep": "3050000000",
                     *               "redline_area": "1810",
                     *               "forest_area": "1420",
                     *               "assessment": "85",
                     *               "last_year": "3900000"
                     *             },
                     *             "shares": {
                     *               "gep": "0.193897012079",
                     *               "redline_area": "0.205681818182",
                     *               "forest_area": "0.186596583443",
                     *               "assessment": "0.194063926941"
                     *             },
                     *             "weights": {
                     *               "gep": "0.4",
                     *               "redline_area": "0.3",
                     *               "forest_area": "0.2",
                     *               "assessment": "0.1"
                     *             },
                     *             "components": [
                     *               {
                     *                 "name": "weighted-share",
                     *                 "before": "5879671.79",
                     *                 "after": "5879671.79"
                     *               },
                     *               {
                     *                 "name": "rebalance",
                     *                 "before": "5879671.79",
                     *                 "after": "8024508.18"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "8024508.1808803897809",
                     *             "amount": "8024508.18"
                     *           },
                     *           {
                     *             "id": "gangyan",
                     *             "name": "港沿镇",
                     *             "inputs": {
                     *               "gep": "2210000000",
                     *               "redline_area": "960",
                     *               "forest_area": "1980",
                     *               "assessment": "78",
                     *               "last_year": "3100000"
                     *             },
                     *             "shares": {
                     *               "gep": "0.140495867769",
                     *               "redline_area": "0.109090909091",
                     *               "forest_area": "0.260183968463",
                     *               "assessment": "0.178082191781"
                     *             },
                     *             "weights": {
                     *               "gep": "0.4",
                     *               "redline_area": "0.3",
                     *               "forest_area": "0.2",
                     *               "assessment": "0.1"
                     *             },
                     *             "components": [
                     *               {
                     *                 "name": "weighted-share",
                     *                 "before": "4763118.98",
                     *                 "after": "4763118.98"
                     *               },
                     *               {
                     *                 "name": "rebalance",
                     *                 "before": "4763118.98",
                     *                 "after": "6500649.80"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "6500649.797396158497",
                     *             "amount": "6500649.80"
                     *           },
                     *           {
                     *             "id": "miaozhen",
                     *             "name": "庙镇",
                     *             "inputs": {
                     *               "gep": "1900000000",
                     *               "redline_area": "700",
                     *               "forest_area": "880",
                     *               "assessment": "88"
                     *             },
                     *             "shares": {
                     *               "gep": "0.120788302606",
                     *               "redline_area": "0.0795454545455",
                     *               "forest_area": "0.115637319317",
                     *               "assessment": "0.200913242009"
                     *             },
                     *             "weights": {
                     *               "gep": "0.4",
                     *               "redline_area": "0.3",
                     *               "forest_area": "0.2",
                     *               "assessment": "0.1"
                     *             },
                     *             "components": [
                     *               {
                     *                 "name": "weighted-share",
                     *                 "before": "3461932.36",
                     *                 "after": "3461932.36"
                     *               },
                     *               {
                     *                 "name": "rebalance",
                     *                 "before": "3461932.36",
                     *                 "after": "4724805.32"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "4724805.3240742782723",
                     *             "amount": "4724805.32"
                     *           },
                     *           {
                     *             "id": "lvhua",
                     *             "name": "绿华镇",
                     *             "inputs": {
                     *               "gep": "450000000",
                     *               "redline_area": "120",
                     *               "forest_area": "210",
                     *               "assessment": "95"
                     *             },
                     *             "shares": {
                     *               "gep": "0.0286077558805",
                     *               "redline_area": "0.0136363636364",
                     *               "forest_area": "0.0275952693824",
                     *               "assessment": "0.216894977169"
                     *             },
                     *             "weights": {
                     *               "gep": "0.4",
                     *               "redline_area": "0.3",
                     *               "forest_area": "0.2",
                     *               "assessment": "0.1"
                     *             },
                     *             "components": [
                     *               {
                     *                 "name": "weighted-share",
                     *                 "before": "1282276.89",
                     *                 "after": "1282276.89"
                     *               },
                     *               {
                     *                 "name": "rebalance",
                     *                 "before": "1282276.89",
                     *                 "after": "1750036.70"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "1750036.6976491734498",
                     *             "amount": "1750036.70"
                     *           }
                     *         ]
                     *       },
                     *       "after": {
                     *         "scheme": "split",
                     *         "period": "2026",
                     *         "parameters": {
                     *           "floor_amount": "500000"
                     *         },
                     *         "rounding": {
                     *           "unit": "0.01",
                     *           "method": "largest-remainder",
                     *           "tieBreak": "larger remainder first; equal remainders by recipient id, ascending"
                     *         },
                     *         "ruleSet": {
                     *           "id": "town-eco-fund",
                     *           "version": 2,
                     *           "hash": "sha256:3d824bde4cb6f3c2e8affedc2a7f29904d17018ee672fa5dce637c96af0b4c15"
                     *         },
                     *         "fund": "30000000.00",
                     *         "total": "30000000.00",
                     *         "recipients": [
                     *           {
                     *             "id": "chenjia",
                     *             "name": "陈家镇",
                     *             "inputs": {
                     *               "gep": "8120000000",
                     *               "redline_area": "5210",
                     *               "forest_area": "3120",
                     *               "assessment": "92",
                     *               "last_year": "9800000"
                     *             },
                     *             "shares": {
                     *               "gep": "0.516211061666",
                     *               "redline_area": "0.592045454545",
                     *               "forest_area": "0.409986859396",
                     *               "assessment": "0.2100456621"
                     *             },
                     *             "weights": {
                     *               "gep": "0.3",
                     *               "redline_area": "0.3",
                     *               "forest_area": "0.2",
                     *               "assessment": "0.2"
                     *             },
                     *             "components": [
                     *               {
                     *                 "name": "weighted-share",
                     *                 "before": "13694503.77",
                     *                 "after": "13694503.77"
                     *               },
                     *               {
                     *                 "name": "cap",
                     *                 "before": "13694503.77",
                     *                 "after": "9000000.00",
                     *                 "note": "cut to the cap 9000000.00"
                     *               }
                     *             ],
                     *             "constrained": "cap",
                     *             "exact": "9000000",
                     *             "amount": "9000000.00"
                     *           },
                     *           {
                     *             "id": "xinhe",
                     *             "name": "新河镇",
                     *             "inputs": {
                     *               "gep": "3050000000",
                     *               "redline_area": "1810",
                     *               "forest_area": "1420",
                     *               "assessment": "85",
                     *               "last_year": "3900000"
                     *             },
                     *             "shares": {
                     *               "gep": "0.193897012079",
                     *               "redline_area": "0.205681818182",
                     *               "forest_area": "0.186596583443",
                     *               "assessment": "0.194063926941"
                     *             },
                     *             "weights": {
                     *               "gep": "0.3",
                     *               "redline_area": "0.3",
                     *               "forest_area": "0.2",
                     *               "assessment": "0.2"
                     *             },
                     *             "components": [
                     *               {
                     *                 "name": "weighted-share",
                     *                 "before": "5880172.53",
                     *                 "after": "5880172.53"
                     *               },
                     *               {
                     *                 "name": "rebalance",
                     *                 "before": "5880172.53",
                     *                 "after": "7573128.81"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "7573128.8102296188759",
                     *             "amount": "7573128.81"
                     *           },
                     *           {
                     *             "id": "gangyan",
                     *             "name": "港沿镇",
                     *             "inputs": {
                     *               "gep": "2210000000",
                     *               "redline_area": "960",
                     *               "forest_area": "1980",
                     *               "assessment": "78",
                     *               "last_year": "3100000"
                     *             },
                     *             "shares": {
                     *               "gep": "0.140495867769",
                     *               "redline_area": "0.109090909091",
                     *               "forest_area": "0.260183968463",
                     *               "assessment": "0.178082191781"
                     *             },
                     *             "weights": {
                     *               "gep": "0.3",
                     *               "redline_area": "0.3",
                     *               "forest_area": "0.2",
                     *               "assessment": "0.2"
                     *             },
                     *             "components": [
                     *               {
                     *                 "name": "weighted-share",
                     *                 "before": "4875877.95",
                     *                 "after": "4875877.95"
                     *               },
                     *               {
                     *                 "name": "rebalance",
                     *                 "before": "4875877.95",
                     *                 "after": "6279688.49"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "6279688.4929718938539",
                     *             "amount": "6279688.49"
                     *           },
                     *           {
                     *             "id": "miaozhen",
                     *             "name": "庙镇",
                     *             "inputs": {
                     *               "gep": "1900000000",
                     *               "redline_area": "700",
                     *               "forest_area": "880",
                     *               "assessment": "88"
                     *             },
                     *             "shares": {
                     *               "gep": "0.120788302606",
                     *               "redline_area": "0.0795454545455",
                     *               "forest_area": "0.115637319317",
                     *               "assessment": "0.200913242009"
                     *             },
                     *             "weights": {
                     *               "gep": "0.3",
                     *               "redline_area": "0.3",
                     *               "forest_area": "0.2",
                     *               "assessment": "0.2"
                     *             },
                     *             "components": [
                     *               {
                     *                 "name": "weighted-share",
                     *                 "before": "3702307.18",
                     *                 "after": "3702307.18"
                     *               },
                     *               {
                     *                 "name": "rebalance",
                     *                 "before": "3702307.18",
                     *                 "after": "4768235.80"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "4768235.7994705068646",
                     *             "amount": "4768235.80"
                     *           },
                     *           {
                     *             "id": "lvhua",
                     *             "name": "绿华镇",
                     *             "inputs": {
                     *               "gep": "450000000",
                     *               "redline_area": "120",
                     *               "forest_area": "210",
                     *               "assessment": "95"
                     *             },
                     *             "shares": {
                     *               "gep": "0.0286077558805",
                     *               "redline_area": "0.0136363636364",
                     *               "forest_area": "0.0275952693824",
                     *               "assessment": "0.216894977169"
                     *             },
                     *             "weights": {
                     *               "gep": "0.3",
                     *               "redline_area": "0.3",
                     *               "forest_area": "0.2",
                     *               "assessment": "0.2"
                     *             },
                     *             "components": [
                     *               {
                     *                 "name": "weighted-share",
                     *                 "before": "1847138.55",
                     *                 "after": "1847138.55"
                     *               },
                     *               {
                     *                 "name": "rebalance",
                     *                 "before": "1847138.55",
                     *                 "after": "2378946.90"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "2378946.8973279804056",
                     *             "amount": "2378946.90"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RuleSetDiff"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable. Problem types: `rule-file-invalid`, `wrong-rule-kind`, `allocation-refused`, `no-inputs` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    evaluateRuleSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                ruleSetId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScorecardFacts"];
            };
        };
        responses: {
            /** @description The result */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "score": 100,
                     *       "grade": "green",
                     *       "gradeLabel": "诚信",
                     *       "scoreGrade": "green",
                     *       "ruleSet": {
                     *         "id": "firm-env-credit",
                     *         "version": 1,
                     *         "hash": "sha256:05dfaa154bbe92211c1b5301c19c1c67b32054b130e84cf8ad6e76f47688970e"
                     *       },
                     *       "trace": []
                     *     }
                     */
                    "application/json": components["schemas"]["ScorecardResult"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable. Problem types: `wrong-rule-kind`, `evaluation-failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRuleSetVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                ruleSetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "versionId": "rsv_01a20b4809007a46bb90a0b526d5f5b1",
                     *           "ruleSetId": "gep-method",
                     *           "kind": "gep-method",
                     *           "version": 1,
                     *           "hash": "sha256:cd41a7e6d035517df9c8ea3b7389cd4f07935661f5453de3ce65165c3f42cfa2",
                     *           "status": "published",
                     *           "effectiveFrom": "2026-01-01",
                     *           "createdAt": "2026-11-24T02:00:00.000Z",
                     *           "createdBy": "test",
                     *           "publishedAt": "2026-11-24T02:00:00.000Z",
                     *           "publishedBy": "test"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["RuleSetVersion"][];
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    validateRuleSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleSource"];
            };
        };
        responses: {
            /** @description The file is valid */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "valid": true,
                     *       "ruleSetId": "my-gep",
                     *       "kind": "gep-method",
                     *       "version": 1,
                     *       "hash": "sha256:1e033c2dacb5727d7cedaf717c20147be9a83dd1d8ec521ffabf19375696b4ee"
                     *     }
                     */
                    "application/json": components["schemas"]["RuleSetValidation"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable. Problem types: `rule-file-invalid` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSubjects: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                kind?: "firm" | "resident";
                limit?: number;
            };
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Subject"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerSubject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body returns the first answer; with another body, 409. */
                "idempotency-key"?: string;
            };
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterSubject"];
            };
        };
        responses: {
            /** @description Registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subject"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `idempotency-key-reused`, `idempotency-in-progress`, `subject-exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSubject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subject */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subject"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCreditEvents: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                districtId: string;
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["CreditEvent"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reverseCreditEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body returns the first answer; with another body, 409. */
                "idempotency-key"?: string;
            };
            path: {
                districtId: string;
                /** @example evt_01a20b4809007070b9f47f49feb4fc4a */
                eventId: string;
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReverseCreditEvent"];
            };
        };
        responses: {
            /** @description The correcting event */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "evt_01a20b4809007bd8bf26a8311c2f3d27",
                     *       "subjectId": "sub_01a20b4809007d3fa73401e0c3132925",
                     *       "code": "ENV-PENALTY",
                     *       "occurredOn": "2026-10-01",
                     *       "endedOn": null,
                     *       "recordedAt": "2026-11-24T02:00:00.000Z",
                     *       "agency": "生态环境局",
                     *       "evidence": "更正说明",
                     *       "amounts": [
                     *         {
                     *           "name": "fine_yuan",
                     *           "value": "50000",
                     *           "unit": "yuan"
                     *         }
                     *       ],
                     *       "note": "录入错误",
                     *       "reversesEventId": "evt_01a20b4809007070b9f47f49feb4fc4a",
                     *       "reversedBy": null,
                     *       "disputed": false,
                     *       "externalId": null
                     *     }
                     */
                    "application/json": components["schemas"]["CreditEvent"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `idempotency-key-reused`, `idempotency-in-progress`, `already-reversed` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable. Problem types: `reversal-of-reversal` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCreditScore: {
        parameters: {
            query?: {
                asOf?: string;
                /** @description Another scorecard than the district's primary one, e.g. resident-carbon-account */
                scorecard?: string;
            };
            header?: never;
            path: {
                districtId: string;
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The score */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "subject": {
                     *         "id": "sub_01a20b48090073a388e8d66d0d00dcac",
                     *         "districtId": "chongming",
                     *         "kind": "firm",
                     *         "displayId": "91310230MA1K2B3C4P",
                     *         "name": "测试企业",
                     *         "regionCode": "310230",
                     *         "createdAt": "2026-11-24T02:00:00.000Z"
                     *       },
                     *       "asOf": "2026-11-24T02:00:00.000Z",
                     *       "score": 100,
                     *       "grade": "green",
                     *       "gradeLabel": "诚信",
                     *       "scoreGrade": "green",
                     *       "items": [],
                     *       "overrides": [],
                     *       "stoppedCounting": [],
                     *       "lists": [],
                     *       "disputed": [],
                     *       "ruleSets": {
                     *         "scorecard": {
                     *           "id": "firm-env-credit",
                     *           "version": 1,
                     *           "hash": "sha256:05dfaa154bbe92211c1b5301c19c1c67b32054b130e84cf8ad6e76f47688970e"
                     *         },
                     *         "behaviourList": {
                     *           "id": "firm-behaviours",
                     *           "version": 1,
                     *           "hash": "sha256:73cf9dbf7b9160442ce1e84933254520cb9ceb54d7e376e8a15af8f26b42d9ff"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreditScore"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable. Problem types: `scorecard-incomplete`, `no-behaviour-list`, `wrong-subject-kind`, `wrong-rule-kind` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPointsAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "holder": {
                     *         "id": "sub_01a20b48090071098125c69aa4bb43a2",
                     *         "districtId": "chongming",
                     *         "kind": "resident",
                     *         "displayId": "310230********1233",
                     *         "name": "测试居民",
                     *         "regionCode": "310230",
                     *         "createdAt": "2026-11-24T02:00:00.000Z"
                     *       },
                     *       "balance": 0,
                     *       "pending": 0,
                     *       "expiringSoon": [],
                     *       "history": [],
                     *       "benefits": []
                     *     }
                     */
                    "application/json": components["schemas"]["PointsAccount"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPointsLedger: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                districtId: string;
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "ple_01a20b4809007da2b916c883e5cf7f17",
                     *           "kind": "earn",
                     *           "points": 100,
                     *           "actionCode": "VIOLATION-REPORT",
                     *           "source": null,
                     *           "earnedOn": "2025-06-01",
                     *           "availableOn": "2025-06-01",
                     *           "expiresOn": "2026-12-31",
                     *           "reason": "举报生态环境违法（经查实）",
                     *           "evidence": null,
                     *           "lotId": null,
                     *           "redemptionId": null,
                     *           "recordedAt": "2026-11-24T02:00:00.000Z",
                     *           "ruleSet": {
                     *             "id": "points-catalogue",
                     *             "hash": "sha256:193eccba222d80397f97f839c70389f69f906576fc8bbdcc69202df2f3f2e4d4"
                     *           }
                     *         },
                     *         {
                     *           "id": "ple_01a20b4809007cf9bf3da0c85ea18360",
                     *           "kind": "earn",
                     *           "points": 100,
                     *           "actionCode": "VIOLATION-REPORT",
                     *           "source": null,
                     *           "earnedOn": "2026-03-01",
                     *           "availableOn": "2026-03-01",
                     *           "expiresOn": "2027-12-31",
                     *           "reason": "举报生态环境违法（经查实）",
                     *           "evidence": null,
                     *           "lotId": null,
                     *           "redemptionId": null,
                     *           "recordedAt": "2026-11-24T02:00:00.000Z",
                     *           "ruleSet": {
                     *             "id": "points-catalogue",
                     *             "hash": "sha256:193eccba222d80397f97f839c70389f69f906576fc8bbdcc69202df2f3f2e4d4"
                     *           }
                     *         },
                     *         {
                     *           "id": "ple_01a20b48090075bca117df12c41c8f65",
                     *           "kind": "redeem",
                     *           "points": -60,
                     *           "actionCode": null,
                     *           "source": null,
                     *           "earnedOn": "2026-11-24",
                     *           "availableOn": "2026-11-24",
                     *           "expiresOn": null,
                     *           "reason": "redeemed: 森林公园门票",
                     *           "evidence": null,
                     *           "lotId": null,
                     *           "redemptionId": "red_01a20b4809007a7fbec973673051e55f",
                     *           "recordedAt": "2026-11-24T02:00:00.000Z",
                     *           "ruleSet": null
                     *         },
                     *         {
                     *           "id": "ple_01a2ccd460007397ab5142f99857a5da",
                     *           "kind": "expire",
                     *           "points": -40,
                     *           "actionCode": "VIOLATION-REPORT",
                     *           "source": null,
                     *           "earnedOn": "2027-01-01",
                     *           "availableOn": "2027-01-01",
                     *           "expiresOn": null,
                     *           "reason": "expired: points earned on 2025-06-01 were valid until 2026-12-31",
                     *           "evidence": null,
                     *           "lotId": "ple_01a20b4809007da2b916c883e5cf7f17",
                     *           "redemptionId": null,
                     *           "recordedAt": "2026-12-31T16:00:00.000Z",
                     *           "ruleSet": null
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["PointsLedgerEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setPointsSourceConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                source: string;
                subjectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": true
                 *     }
                 */
                "application/json": components["schemas"]["PointsSourceConsent"];
            };
        };
        responses: {
            /** @description The consent now in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "source": "transit-app",
                     *       "enabled": true,
                     *       "changedAt": "2026-11-24T02:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        changedAt: string;
                        enabled: boolean;
                        source: string;
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    lookupSubject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LookupSubject"];
            };
        };
        responses: {
            /** @description The subject */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subject"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid. Problem types: `unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts. Problem types: `body-too-large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. Problem types: `unsupported-media-type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side. Problem types: `internal` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
