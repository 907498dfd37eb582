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
    "/districts/{districtId}/status-lists/{listId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A status list of the district’s reports and credentials (no credentials needed)
         * @description An IETF Token Status List (`application/statuslist+jwt`, 2 bits a token: 0 valid, 1 revoked, 2 suspended), signed with the district’s key (verify it against the JWKS) and derived at the time of the request: a report or credential is revoked once an objection to a record it carried is upheld, and a bank’s report is suspended while the consent behind it is revoked or expired. Cacheable for 300 seconds (its `ttl`); an `ETag` answers `If-None-Match` with 304.
         */
        get: operations["getStatusList"];
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
        /**
         * Allocations run in the district, newest first (heads only; getAllocation has the recipients)
         * @description Each run with its rule set, version, hash, period, fund and total, so that a bureau finds the run it wants to read again, re-run or compare.
         */
        get: operations["listAllocations"];
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
         * @description Valid for as long as the district policy in force says (`getDistrictPolicy`; shipped: 90 days) unless `expiresAt` says otherwise, and at most its maximum (shipped: 365 days); revocable at any time. Stored with its evidence.
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
         * @description For the bureau and auditors: subjects on the red list (守信激励) and the black list (失信惩戒), each with the events that put it there and until when they count. `asOf` gives the lists as they stood at that moment, exactly: what was known and in force then.
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
    "/v1/districts/{districtId}/district-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The district policy in force: deadlines, validity periods, consent limits, what each purpose may receive
         * @description The published `district-policy` version in force at `asOf` (default now): the days an objection may wait for its answer, how long reports and credentials stay valid, how long a consent lasts by default and at most, how long records count when their behaviour list says nothing, the time zone, and the claim groups each purpose may receive. Any key of the district or a subject token.
         */
        get: operations["getDistrictPolicy"];
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
         * Create or update a GEP accounting unit (a district, town, village, plot or project)
         * @description The bureau or a recording agency: creates the unit (201) or updates its owner, parent, areas and ecosystems (200). Units form a hierarchy through `parent`; a unit with `rollUp` adds up its children. Measurements are recorded separately, per year and indicator.
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
         * The GEP account of a unit for a year, row by row, with every intermediate
         * @description The closed (approved) revision where the bureau has closed the year; otherwise the open account, computed from the latest measurements with the method version it was first read with (publishing a revised method does not change it). Each indicator shows its quantity (measured, or computed with every intermediate), price with year and source, value and share; subtotals, categories and the total add up exactly to the fen. An indicator without the data it needs is not assessed and says what is missing, never counted as zero. `asOf` reproduces the answer as it was then; `view=open` shows the open account even where the year is closed. `format=csv` or `Accept: text/csv` gives the table a bureau files (生态产品总值核算表).
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
    "/v1/districts/{districtId}/gep-units/{unitCode}/accounts/{year}/closure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close (approve) a unit's account for a year: from then on it is immutable
         * @description The bureau: the open account as it stands becomes closed revision 1 (or the next revision, after a correction). Loan assessments and reports use the closed revision from then on; measurements for the year are then taken only as a stated correction. `rebase` closes with the method version in force now instead of the one the open account was pinned to. Every earlier revision is kept.
         */
        post: operations["closeGepAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/gep-units/{unitCode}/accounts/{year}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every closed revision of a unit’s account for a year, oldest first
         * @description Each revision with its total, method version and hash, approval note, and who closed it when. Read one as it was with getGepAccount and asOf. For a unit with an owner, a read by anyone but the owner is in the owner’s query log.
         */
        get: operations["listGepAccountRevisions"];
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
         * @description Indicators measured directly, the inputs a method computes indicators from (precipitation, NPP, erosion …), and the figures population and gdp. Each value must come in a unit convertible to the one the method names (万立方米 for m3 is fine; tonnes for m3 is not). An indicator the method computes is refused (record its inputs), and so is anything for a roll-up unit other than its figures. A year whose account is closed takes measurements only with a `correction` (its reason); a new revision is then closed. All or nothing.
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
    "/v1/districts/{districtId}/me/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Download your own eco-credit credential (SD-JWT VC), bound to your key
         * @description With your own token: an SD-JWT VC (`application/dc+sd-jwt`, IETF SD-JWT-based Verifiable Credentials) signed with the district’s key and bound (`cnf`) to the public key you send. Every claim group is selectively disclosable (score, items with their events (each item on its own), lists, disputes, query-history, points-summary, gep-assets, assessments); you show a bank only those its purpose needs, with a key-binding JWT over its nonce and audience. It carries a status entry in the district’s status list. Ask with `Accept: application/dc+sd-jwt` for the credential alone.
         */
        post: operations["issueOwnCredential"];
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
         * Objections: a subject sees its own; the bureau sees all, e.g. the overdue ones, a page at a time
         * @description Open and answered objections with their deadlines (20 days), soonest due first; `overdue=true` lists those past it. A subject sees only its own. `nextCursor` pages on.
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
    "/v1/districts/{districtId}/points/award-batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Award points for up to 10 000 actions in one atomic batch, each line with its own result
         * @description For platforms that send their day at once (a transit app its trips). The whole batch is one atomic unit. A line the batch cannot mean (unknown holder or action, an action your agency may not award, a malformed amount, a day in the future) refuses the batch, naming every such line, and nothing is written. Otherwise each line is awarded in order, as awardPoints would: cut to what the caps leave, refused alone when nothing is left (`cap-reached`), when its de-duplication key was seen (`duplicate-award`, also by an earlier line), when the holder switched the source off (`source-switched-off`) or when the catalogue refuses the amount (`award-refused`). Caps, keys and switches hold across the lines of one holder.
         */
        post: operations["awardPointsBatch"];
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
    "/v1/districts/{districtId}/points/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How points are earned: the catalogue in force, each action with its points, minimum, caps, delay and expiry
         * @description Every points catalogue in force (several may run side by side, each with its own caps); a subject sees the actions open to its kind, staff may filter with holderKind.
         */
        get: operations["getPointsCatalogue"];
        put?: never;
        post?: never;
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
    "/v1/districts/{districtId}/presentations/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check what a subject presented: the disclosed claim groups if genuine, the exact reason if not
         * @description A subject presents some claim groups of its credential with a key-binding JWT over your nonce and your audience (your client id unless `audience` says otherwise). Verified against the district’s published keys, as the offline verifier of `eco-credit-service/client` does: reasons malformed, wrong-type, unknown-kid, retired-key, bad-signature, expired, not-yet-valid, wrong-issuer, disclosure-not-in-credential, key-binding-missing, key-binding-malformed, key-binding-bad-signature, key-binding-wrong-hash, key-binding-wrong-nonce, key-binding-wrong-audience, key-binding-expired, key-binding-not-yet-valid, revoked, suspended. With `purpose`, a presentation that discloses more than the district policy allows for it is refused (purpose-not-allowed). The read is in the subject’s query log.
         */
        post: operations["verifyCredentialPresentation"];
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
         * Who read a subject’s data: a subject sees its own log, a bank its own queries, auditors all
         * @description Every report and every read of a subject's data by anyone but the subject, newest first: who, when, for what purpose, under which consent. A subject sees its own, a bank its own queries, auditors all.
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
         * @description Needs a live consent of the subject for your bank, this purpose and these scopes; otherwise 403 with the reason and nothing is delivered. Minimum necessary: the report carries only the claim groups the district policy allows for the purpose (`getDistrictPolicy`); asking for more is refused (403 purpose-not-allowed) whatever the consent covers. The report is a compact JWS (EdDSA, `typ: vc+jwt`, a W3C VC 2.0 credential) for your bank as audience, verifiable offline against the JWKS at `{issuer}/.well-known/jwks.json`, with the subject’s query history (counts over 1, 3, 6 and 12 months by purpose and kind of institution) and a status entry in the district’s status list (`status.status_list`). Every report is in the subject’s query log.
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
         * @description Verifies against the district’s published JWKS, or against a `jwks` you send (e.g. one saved years ago); `verifiedWith` says which. A report that claims to come from this district is never genuine under a key the district did not publish (reason not-published-key). Reasons: malformed, unknown-kid, bad-signature, expired, not-yet-valid, wrong-audience, wrong-issuer, wrong-type, not-published-key, retired-key (signed after its key was retired), and from the status list revoked (an objection to a record it carried was upheld) or suspended (the consent behind it was revoked or has expired); a status list sent as `statusList` that is not genuine is refused (status-list-tampered). `status` says whether the status was checked, and why not when it could not be. A bank’s own audience is checked unless `audience` names another.
         */
        post: operations["verifyCreditReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/rescore-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest rescore jobs of the district, newest first
         * @description The 20 latest rescore jobs with their progress and results.
         */
        get: operations["listRescoreJobs"];
        put?: never;
        /**
         * Rescore every subject of the district as of an instant: a job to follow
         * @description For the bureau, e.g. after publishing a new scorecard: scores every subject registered by `asOf` (default: now) with the rules in force then, the named scorecard or each kind’s primary one. Answers 202 at once with the job; follow it with getRescoreJob (the Location header) until its status is done. Reproducible: nothing recorded after `asOf` counts, so the same job run again gives the same grades.
         */
        post: operations["startRescore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/districts/{districtId}/rescore-jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A rescore job: how far it is, and the subjects in each grade
         * @description Progress (subjects scored of those to score), then the result: per kind of subject, the rule sets used and the number of subjects in each grade. A job whose process stopped is taken up again where it stopped when it is read.
         */
        get: operations["getRescoreJob"];
        put?: never;
        post?: never;
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
         * Publish a draft version; it takes effect on the effectiveFrom its file states
         * @description The version stays immutable; the publication is recorded with who and when. The file’s own effectiveFrom is the first day the version applies (today or later): a publication cannot change it, so an `effectiveFrom` in the body, if sent, must confirm it.
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
    "/v1/districts/{districtId}/rule-sets/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a rule file’s worked examples, and those of the version in force it would replace
         * @description Checks the file as an upload would (a file that does not check is refused), then runs every example and says, for each, what the rules gave and where it differs. Nothing is stored. An upload runs the same examples and is refused when one fails.
         */
        post: operations["testRuleSet"];
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
         * @description Computed from the credit file on every call. The top level is the primary scorecard (or the one named with `scorecard`); `scorecards` holds every scorecard in force for the subject, side by side (a village eco-credit card and a carbon account, say), each from its own behaviour list. `asOf` reproduces the scores as they were at that moment, with the rules then in force, ignoring anything recorded later. Disputed events are marked.
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
    "/v1/districts/{districtId}/subjects/{subjectId}/points/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A holder’s balance and pending points, nothing else: the light read for apps and counters
         * @description The holder with its token, or the bureau and auditors: points available now and points credited later, as getPointsAccount gives them (expiry applied first), without the history and the benefits. A read by anyone but the holder is in the holder’s query log.
         */
        get: operations["getPointsBalance"];
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
         * Every change to a holder’s points with its reason, oldest first (or newest first with order=desc)
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
    "/v1/districts/{districtId}/subjects/{subjectId}/points/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The data sources that can award a holder points, and whether the holder has switched each off
         * @description Each source a catalogue in force names (a transit app, a recycling machine), the actions it awards, and the holder’s switch (on unless switched off). A read by anyone but the holder is in the holder’s query log.
         */
        get: operations["listPointsSources"];
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
    "/v1/districts/{districtId}/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The units rule files and measurements may use, with their Chinese names and exact scales
         * @description Every unit a bureau can write: its code and Chinese name, what it measures, its exact scale, and whether it takes 万 and 亿. Tonnes of carbon, of CO2 and of O2 are different dimensions: converting between them takes a factor written in the rule file.
         */
        get: operations["listUnits"];
        put?: never;
        post?: never;
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
            /**
             * @description The records the service fills inputs from, as they stood then (default: now)
             * @example 2026-06-30
             */
            asOf?: string;
            /** @example 50000000.00 */
            fund?: string;
            /** @description Fill this input from the GEP account of the unit whose code is the recipient's id (the rule file's `from: { gep }` says the same, with the year relative to the period) */
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
                /** @description The recipient; for inputs the service fills (`from` in the rule file), an accounting unit's code */
                id: string;
                name?: string;
                /** @default {} */
                values: {
                    [key: string]: string;
                };
            }[];
            /** @description Recipients taken from the accounting units instead of listed */
            recipientsFrom?: {
                /** @description Every accounting unit directly below this one, e.g. the towns of a district */
                childrenOf: string;
            };
            /** @description What each extra fund named in the rule file holds, e.g. { "province-topup": "2000000.00" } for floors topped up by the province */
            sources?: {
                [key: string]: string;
            };
            /** @description Agreement-level inputs, e.g. concentrations at the boundary section */
            values?: {
                [key: string]: string;
            };
        };
        AllocationResult: {
            /** @description An agreement's components, each with its direction */
            components?: {
                /** @description What the payer pays the payee for this component */
                amount: string;
                /** @description False where its condition does not hold */
                applies: boolean;
                /** @description Before its cap */
                before: string;
                /** @enum {string} */
                direction: "by-index" | "stated";
                name: string;
                note: string;
                payee: string;
                payer: string;
                title: string | null;
            }[];
            derived?: {
                formula: string;
                name: string;
                unit: string;
                value: string;
            }[];
            /** @description What changes hands: for an agreement, the net between each pair of parties */
            flows?: {
                amount: string;
                payee: string;
                payer: string;
            }[];
            fund: string | null;
            index?: {
                /**
                 * @description Where the index stands against the threshold, compared exactly
                 * @enum {string}
                 */
                comparison: "below" | "at" | "above";
                direction: string;
                formula: string;
                threshold: string;
                /** @description The index, exactly, as a decimal string (20 places where it does not terminate) */
                value: string;
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
            parties?: {
                id: string;
                kind: string | null;
                title: string | null;
            }[];
            period: string;
            poolFund?: {
                formula: string;
                value: string;
            };
            /** @description The district's records the run read its inputs from */
            reads?: {
                /** @description What was read, e.g. the closed 2025 GEP account of chenjia-town, revision 1 */
                from: string;
                input: string;
                recipient: string;
                /** @description The record version read: account revision and method version, unit update, scorecard hash */
                record: {
                    [key: string]: string | number | null;
                };
                value: string;
            }[];
            recipients: {
                /** @description Yuan, at the rounding unit */
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
                /** @description What each source paid this recipient, where a floor is topped up from an extra fund */
                sources?: {
                    [key: string]: string;
                };
                weights: {
                    [key: string]: string;
                };
            }[];
            rounding: {
                /** @enum {string} */
                method: "largest-remainder";
                /** @description The step as the rule file states it */
                text: string;
                tieBreak: string;
                /** @description Yuan per rounding step: 0.01 (a fen), 1, 100 (0.01 万元) */
                unit: string;
            };
            ruleSet: components["schemas"]["RuleSetRef"];
            /** @enum {string} */
            scheme: "split" | "bilateral" | "pool" | "payroll" | "schedule";
            /** @description Where the money came from, where an extra fund tops floors up */
            sources?: {
                available: string;
                paid: string;
                source: string;
                title: string;
            }[];
            total: string;
        };
        AllocationRunHead: {
            createdAt: string;
            createdBy: string;
            fund: string | null;
            hash: string;
            id: string;
            period: string;
            ruleSetId: string;
            total: string;
            versionId: string;
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
            /** @description The points catalogue the action is in, where several in force list it (e.g. a transit platform’s) */
            catalogue?: string;
            evidence?: string;
            holder: components["schemas"]["SubjectRef"];
            occurredOn?: string;
            /** @description What makes the award unique where the catalogue says so, e.g. a bill number */
            reference?: string;
        };
        /**
         * @example {
         *       "awards": [
         *         {
         *           "holder": {
         *             "kind": "resident",
         *             "idNumber": "310230198503121233"
         *           },
         *           "action": "WASTE-SORTING",
         *           "occurredOn": "2026-11-24"
         *         },
         *         {
         *           "holder": {
         *             "kind": "resident",
         *             "idNumber": "310230199207180049"
         *           },
         *           "action": "WASTE-SORTING",
         *           "occurredOn": "2026-11-24"
         *         }
         *       ]
         *     }
         */
        AwardPointsBatch: {
            awards: components["schemas"]["AwardPointsLine"][];
        };
        AwardPointsLine: {
            action: string;
            amount?: {
                unit: string;
                value: string;
            };
            /** @description The points catalogue the action is in, where several in force list it (e.g. a transit platform’s) */
            catalogue?: string;
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
            /** @description Who gave it: a firm by its code and name, a resident by the masked ID number only */
            subject: {
                displayId: string;
                /** @enum {string} */
                kind: "firm" | "resident";
                name: string | null;
            };
            subjectId: string;
        };
        CountedEvent: {
            code: string;
            disputed: boolean;
            endedOn: string | null;
            eventId: string;
            occurredOn: string;
            points: number;
            /** @description The subject’s statements (异议声明) on this record, open or rejected */
            statements?: components["schemas"]["SubjectStatement"][];
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
            /** @description The code's title in the behaviour list in force; null for a code no longer on it */
            title: string | null;
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
        CreditScore: components["schemas"]["CreditScorecardResult"] & {
            /** @description Every scorecard in force for the subject, each scored from its own behaviour list (the primary first); with ?scorecard=, that one only */
            scorecards: components["schemas"]["CreditScorecardResult"][];
            subject: components["schemas"]["Subject"];
        };
        CreditScorecardResult: {
            asOf: string;
            /** @description The scorecard's starting score; the items add to it (within the scorecard's minimum and maximum) */
            baseScore: number;
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
            /** @description The district's primary scorecard for this kind of subject */
            primary: boolean;
            ruleSets: {
                behaviourList: components["schemas"]["RuleSetRef"];
                districtPolicy?: components["schemas"]["RuleSetRef"] & unknown;
                scorecard: components["schemas"]["RuleSetRef"];
            };
            score: number;
            /** @description The grade the score alone gives, before overrides such as the one-vote veto */
            scoreGrade: string;
            /** @description Every statement on a record that still counts: kept after a rejected objection until the record stops counting */
            statements: (components["schemas"]["SubjectStatement"] & {
                eventId: string;
            })[];
            stoppedCounting: {
                code: string;
                endedOn: string | null;
                eventId: string;
                occurredOn: string;
                stoppedCountingOn: string;
                title: string;
            }[];
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
        DistrictPolicy: {
            consentDays: {
                default: number;
                max: number;
            };
            credentialValidDays: number;
            objectionAnswerDays: number;
            /** @description The claim groups a report or presentation for each purpose may carry */
            purposes: {
                guarantee?: ("score" | "items" | "lists" | "disputes" | "query-history" | "points-summary" | "gep-assets" | "assessments")[];
                "loan-application"?: ("score" | "items" | "lists" | "disputes" | "query-history" | "points-summary" | "gep-assets" | "assessments")[];
                "post-loan-management"?: ("score" | "items" | "lists" | "disputes" | "query-history" | "points-summary" | "gep-assets" | "assessments")[];
            };
            reportValidDays: number;
            /** @description For behaviour lists that state none of their own */
            retention: {
                negativeYears: number;
                positiveYears: number;
            };
            ruleSet: components["schemas"]["RuleSetRef"];
            timeZone: string;
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
            categoryShares: {
                /**
                 * @description A decimal fraction of the total (0.25 = a quarter)
                 * @example 0.253417
                 */
                cultural: string;
                /**
                 * @description A decimal fraction of the total (0.25 = a quarter)
                 * @example 0.253417
                 */
                material: string;
                /**
                 * @description A decimal fraction of the total (0.25 = a quarter)
                 * @example 0.253417
                 */
                regulating: string;
            };
            /** @description For a roll-up unit: each child's total and state */
            children: {
                code: string;
                name: string;
                revision: number | null;
                /** @enum {string} */
                status: "open" | "closed";
                /**
                 * @description Yuan, a decimal string to the fen
                 * @example 9306432.15
                 */
                total: string;
            }[] | null;
            closedAt: string | null;
            closedBy: string | null;
            complete: boolean;
            figures: {
                areaKm2: string;
                /**
                 * @description Yuan, a decimal string to the fen
                 * @example 9306432.15
                 */
                gdp: string | null;
                population: string | null;
            };
            /** @description GEP per person, per km² and as a ratio to GDP, where population and GDP are recorded */
            indicators: {
                gepToGdp: string | null;
                /**
                 * @description Yuan, a decimal string to the fen
                 * @example 9306432.15
                 */
                perKm2: string;
                /**
                 * @description Yuan, a decimal string to the fen
                 * @example 9306432.15
                 */
                perPerson: string | null;
            };
            /** @description Every measurement the account used, as recorded */
            measurements: {
                name: string;
                recordedAt: string;
                source: string;
                unit: string;
                value: string;
            }[];
            /** @description The method version the account is computed with */
            methodVersionId: string;
            notAssessed: string[];
            note: string | null;
            /** @description Since when an open account keeps this method version (its first read, pledge or report) */
            pinnedAt: string | null;
            /** @description The closed revision (1, 2, …); null while open */
            revision: number | null;
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
                /** @description The measurement as recorded; converted into quantityUnit when the account is read */
                measured: {
                    unit: string;
                    value: string;
                } | null;
                /** @description Why it is not assessed: what is not measured, or a unit that does not fit */
                note?: string;
                price: {
                    formula?: string;
                    source: string;
                    unit: string;
                    value: string;
                    year: number;
                };
                quantity: string | null;
                /** @description How the quantity is computed, where the method computes it */
                quantityFormula: string | null;
                quantityUnit: string;
                /**
                 * @description A decimal fraction of the total (0.25 = a quarter)
                 * @example 0.253417
                 */
                share: string | null;
                source: string | null;
                /** @enum {string} */
                status: "assessed" | "not-assessed";
                /** @description Every figure the quantity rests on: inputs as measured and converted, constants, the area, derived lines */
                steps: {
                    formula?: string;
                    /** @enum {string} */
                    kind: "input" | "constant" | "area" | "line";
                    measured?: {
                        unit: string;
                        value: string;
                    };
                    name: string;
                    source?: string;
                    title: string | null;
                    unit: string;
                    value: string;
                }[];
                subtotal: string;
                title: string;
                /**
                 * @description Yuan, a decimal string to the fen
                 * @example 9306432.15
                 */
                value: string | null;
            }[];
            ruleSet: components["schemas"]["RuleSetRef"];
            /**
             * @description closed: approved by the bureau and immutable; open: still being accounted
             * @enum {string}
             */
            status: "open" | "closed";
            subtotals: {
                assessed: number;
                category: string;
                notAssessed: number;
                /**
                 * @description A decimal fraction of the total (0.25 = a quarter)
                 * @example 0.253417
                 */
                share: string;
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
            /** @description Annual GEP, its increment and the asset value are three distinct values: a loan product names which it lends against */
            values: {
                /**
                 * @description The year's GEP, a flow
                 * @example 9306432.15
                 */
                annual: string;
                /**
                 * @description The capitalised asset value (VEP), where the method states how
                 * @example 9306432.15
                 */
                asset: string | null;
                assetBasis: string | null;
                /**
                 * @description The change from the year before (the closed revision of that year where there is one)
                 * @example 9306432.15
                 */
                increment: string | null;
                previousYear: {
                    /** @enum {string} */
                    status: "open" | "closed";
                    /**
                     * @description Yuan, a decimal string to the fen
                     * @example 9306432.15
                     */
                    total: string;
                    year: number;
                } | null;
            };
            year: number;
        };
        /**
         * @example {
         *       "note": "崇明区生态环境局 2026年第3号审定"
         *     }
         */
        GepAccountClosure: {
            /** @description The approval, e.g. 区生态环境局2026年第3号审定 */
            note?: string;
            /** @description Close with the method version in force now */
            rebase?: boolean;
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
            /** @description Conditions on another scorecard's grade (a carbon account, say): whether each applied */
            gradeAdjustments: {
                applied: boolean;
                bp: number;
                grade: string | null;
                id: string;
                lineMultiplier: string;
                reason: string;
                scorecard: string;
            }[];
            id: string;
            lineMultiplier: string;
            maxTermMonths: number;
            pledges: {
                /** @description For a GEP pledge: the account version read (a closed revision, or the open account pinned to its method) */
                account?: {
                    methodVersionId: string;
                    revision: number | null;
                    /** @enum {string} */
                    status: "open" | "closed";
                    unitCode: string;
                    /** @enum {string} */
                    valueType: "annual" | "increment" | "asset";
                    year: number;
                };
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
            scorecard: components["schemas"]["RuleSetRef"] & unknown;
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
            /** @description Why a closed year is corrected; required once the year is closed, and kept with each measurement */
            correction?: string;
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
         *       "parent": "dongtan-town",
         *       "rollUp": false,
         *       "redLineAreaHa": "420.5",
         *       "forestAreaHa": null,
         *       "ownerSubjectId": "sub_0193a1b2c3d47e5f8a9b0c1d2e3f4a5c",
         *       "areaHa": "420.5",
         *       "ecosystemTypes": [
         *         "wetland"
         *       ],
         *       "method": null,
         *       "createdAt": "2026-03-02T01:00:00.000Z",
         *       "updatedAt": "2026-11-24T02:00:00.000Z"
         *     }
         */
        GepUnit: {
            areaHa: string;
            code: string;
            createdAt: string;
            ecosystemTypes: string[];
            /** @description 森林面积 (ha) */
            forestAreaHa: string | null;
            id: string;
            /** @enum {string} */
            level: "district" | "town" | "village" | "plot" | "project";
            /** @description The GEP method it is accounted by; null: the district's only method */
            method: string | null;
            name: string;
            ownerSubjectId: string | null;
            /** @description The unit it belongs to */
            parent: string | null;
            /** @description 生态保护红线面积 (ha) */
            redLineAreaHa: string | null;
            /** @description Its account is the sum of its children's */
            rollUp: boolean;
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
            /**
             * @description 森林面积 (ha), for compensation factors
             * @example 1250.5
             */
            forestAreaHa?: string | null;
            /** @enum {string} */
            level: "district" | "town" | "village" | "plot" | "project";
            /** @description The GEP method (rule set id) this unit is accounted by; needed where several are in force */
            method?: string | null;
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
            /** @description The code of the unit it belongs to (district → town → village → plot) */
            parent?: string | null;
            /**
             * @description 生态保护红线面积 (ha), for compensation factors
             * @example 1250.5
             */
            redLineAreaHa?: string | null;
            /** @description Its account is the sum of its children's; it then holds no measurement of its own (that would count twice) */
            rollUp?: boolean;
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
        /** @description The public key (JWK) of the device that will hold the credential: Ed25519 or P-256 */
        HolderKey: {
            alg?: string;
            /** @enum {string} */
            crv: "Ed25519" | "P-256";
            /** @description Never send it: a private key is refused */
            d?: string;
            kid?: string;
            /** @enum {string} */
            kty: "OKP" | "EC";
            use?: string;
            x: string;
            y?: string;
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
            /** @description Exactly these claim groups, each of which the district policy must allow for the purpose (else 403 purpose-not-allowed); default: every group of the scopes that the purpose allows */
            claims?: ("score" | "items" | "lists" | "disputes" | "query-history" | "points-summary" | "gep-assets" | "assessments")[];
            /** @enum {string} */
            purpose: "loan-application" | "post-loan-management" | "guarantee";
            /** @description The consented scopes asked for; default: those of `claims`, else credit */
            scopes?: ("credit" | "points-summary" | "gep-assets")[];
            subjectId: string;
        };
        IssuedCredential: {
            /** @description The claim groups the credential holds, each selectively disclosable */
            claims: ("score" | "items" | "lists" | "disputes" | "query-history" | "points-summary" | "gep-assets" | "assessments")[];
            /** @description The SD-JWT VC (application/dc+sd-jwt): issuer-signed JWT, then every disclosure, each ending in ~ */
            credential: string;
            credentialId: string;
            expiresAt: string;
            issuedAt: string;
            issuer: string;
            jwksUrl: string;
            kid: string;
            /** @enum {string} */
            mediaType: "application/dc+sd-jwt";
            status: components["schemas"]["StatusEntry"];
        };
        /**
         * @example {
         *       "holderKey": {
         *         "kty": "OKP",
         *         "crv": "Ed25519",
         *         "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
         *       }
         *     }
         */
        IssueOwnCredential: {
            holderKey: components["schemas"]["HolderKey"];
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
            /**
             * @description The value the borrower means to pledge; refused where the product lends against another (an asset value is never taken as a year's GEP)
             * @enum {string}
             */
            valueType?: "annual" | "increment" | "asset";
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
         *       "code": "not-ready",
         *       "message": "服务暂未就绪，请稍后再试。",
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
        PointsAwardBatch: {
            /** @description Lines that wrote an entry (maybe cut by a cap) */
            awarded: number;
            lines: components["schemas"]["PointsBatchLine"][];
            /** @description Points awarded by the whole batch */
            points: number;
            /** @description Lines refused alone */
            refused: number;
            /** @description The catalogues the lines were awarded under */
            ruleSets: components["schemas"]["RuleSetRef"][];
        };
        PointsBalance: {
            /** @description The day (China time) the balance is for */
            asOf: string;
            /** @description Points that can be spent today */
            balance: number;
            holderId: string;
            /** @description Awarded but not yet spendable */
            pending: number;
        };
        PointsBatchLine: {
            action: string;
            awarded: number;
            /** @description The catalogue (rule set id) the line was awarded under; its version and hash are in ruleSets */
            catalogue: string;
            /** @description The ledger entry written; null when the line was refused */
            entryId: string | null;
            holderId: string;
            line: number;
            /** @description What was not awarded and why: the whole line, or the part over a cap */
            refused: {
                /** @enum {string} */
                code: "award-refused" | "cap-reached" | "duplicate-award" | "source-switched-off";
                points: number;
                reason: string;
            } | null;
            requested: number;
            /** @enum {string} */
            status: "awarded" | "refused";
        };
        PointsCatalogue: {
            actions: components["schemas"]["PointsCatalogueAction"][];
            /** @description Every catalogue in force, each with its own caps; the fields above are the first */
            catalogues: {
                actions: components["schemas"]["PointsCatalogueAction"][];
                ruleSet: components["schemas"]["RuleSetRef"];
                title: string;
            }[];
            ruleSet: components["schemas"]["RuleSetRef"];
            title: string;
        };
        PointsCatalogueAction: {
            /** @description For fixed-points actions with a minimum: the unit of the amount */
            amountUnit: string | null;
            caps: {
                perDay: number | null;
                /** @description Most awards a day */
                perDayActions: number | null;
                perMonth: number | null;
                /** @description Most awards a month */
                perMonthActions: number | null;
            };
            code: string;
            delayDays: number;
            expiry: {
                /** @enum {boolean} */
                endOfYearAfter: true;
            } | {
                days: number;
            };
            holders: ("resident" | "firm")[];
            minAmount: number | null;
            /** @description The de-duplication key template: awards with the same key count once */
            oncePer: string | null;
            /** @description Points per unit of the amount, rounded down */
            perUnit: {
                points: number;
                unit: string;
            } | null;
            /** @description Whole points per award, or null when counted per unit */
            points: number | null;
            /** @description The data source a holder can switch off */
            source: string | null;
            title: string;
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
         *       "code": "validation",
         *       "message": "提交的内容有误，请按提示修改后重试。",
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
            /**
             * @description Stable machine code; the problem type is its URI
             * @enum {string}
             */
            code: "validation" | "malformed-body" | "unsupported-media-type" | "body-too-large" | "unauthenticated" | "forbidden" | "not-found" | "internal" | "idempotency-in-progress" | "idempotency-key-reused" | "district-exists" | "subject-exists" | "rule-file-invalid" | "rule-examples-failed" | "wrong-rule-kind" | "rule-not-in-force" | "already-published" | "publication-date-contradicts-file" | "no-inputs" | "evaluation-failed" | "code-not-permitted" | "unknown-event-code" | "event-conflict" | "external-id-clash" | "reversal-of-reversal" | "already-reversed" | "objection-to-reversal" | "objection-open" | "objection-closed" | "scorecard-incomplete" | "wrong-subject-kind" | "no-behaviour-list" | "unknown-action" | "action-not-for-holder" | "action-not-permitted" | "award-refused" | "duplicate-award" | "source-switched-off" | "cap-reached" | "not-an-award" | "already-spent" | "insufficient-points" | "sold-out" | "benefit-not-for-holder" | "benefit-not-valid" | "no-consent" | "purpose-not-granted" | "scope-not-granted" | "consent-revoked" | "consent-expired" | "consent-already-revoked" | "purpose-not-allowed" | "report-malformed" | "report-unknown-kid" | "report-bad-signature" | "report-expired" | "report-not-yet-valid" | "report-wrong-audience" | "report-wrong-issuer" | "report-wrong-type" | "report-not-published-key" | "report-retired-key" | "report-revoked" | "report-suspended" | "status-list-tampered" | "presentation-malformed" | "presentation-wrong-type" | "presentation-unknown-kid" | "presentation-retired-key" | "presentation-bad-signature" | "presentation-expired" | "presentation-not-yet-valid" | "presentation-wrong-issuer" | "presentation-disclosure-not-in-credential" | "presentation-key-binding-missing" | "presentation-key-binding-malformed" | "presentation-key-binding-bad-signature" | "presentation-key-binding-wrong-hash" | "presentation-key-binding-wrong-nonce" | "presentation-key-binding-wrong-audience" | "presentation-key-binding-expired" | "presentation-key-binding-not-yet-valid" | "presentation-revoked" | "presentation-suspended" | "gep-future-year" | "gep-account-closed" | "pledge-refused" | "allocation-refused" | "not-ready";
            /** @description For developers: what exactly was refused, in English */
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
            /** @description For people: the same failure in Chinese (zh-CN), from the message catalogue */
            message: string;
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
            /** @description If sent, must equal the file’s own effectiveFrom */
            effectiveFrom?: string;
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
        RescoreJob: {
            /** @description The instant scored as of: nothing recorded later counts, and the rules are those in force then */
            asOf: string;
            createdAt: string;
            /** @description Why a failed rescore stopped */
            error: {
                code: string;
                detail: string;
            } | null;
            finishedAt: string | null;
            id: string;
            progress: {
                /** @description Events on file at asOf in the files scored so far, corrections included */
                eventsDone: number;
                subjectsDone: number;
                /** @description Subjects registered by asOf, of the kinds scored */
                subjectsTotal: number;
            };
            /** @description Per kind of subject: the rule sets scored with (id, version, hash) and the subjects in each grade */
            results: {
                /** @description Subjects in each grade (so far, while running) */
                grades: {
                    [key: string]: number;
                };
                ruleSets: {
                    behaviourList: components["schemas"]["RuleSetRef"];
                    scorecard: components["schemas"]["RuleSetRef"];
                };
                /** @enum {string} */
                subjectKind: "firm" | "resident";
                subjects: number;
            }[];
            /** @description The scorecard asked for; null: each kind's primary scorecard */
            scorecardId: string | null;
            /** @enum {string} */
            status: "running" | "done" | "failed";
            updatedAt: string;
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
        RuleExampleResult: {
            differences: {
                expected?: unknown;
                got?: unknown;
                path: string;
            }[];
            error?: string;
            /** @description What the rules gave for the example’s input */
            got?: unknown;
            name: string;
            /**
             * @description file: stated in the uploaded file; in-force: kept from the version in force it would replace
             * @enum {string}
             */
            origin: "file" | "in-force";
            passed: boolean;
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
                    /** @description The Gini coefficient of the amounts, to six places: it describes, it decides nothing */
                    gini: number;
                    /**
                     * @description The mean amount, yuan to the fen (half up), as a decimal string
                     * @example 6000000.00
                     */
                    mean: string;
                    /**
                     * @description The median amount, yuan to the fen (half up; of an even count, the mean of the two middle amounts), as a decimal string
                     * @example 5800000.00
                     */
                    median: string;
                };
                before: {
                    /** @description The Gini coefficient of the amounts, to six places: it describes, it decides nothing */
                    gini: number;
                    /**
                     * @description The mean amount, yuan to the fen (half up), as a decimal string
                     * @example 6000000.00
                     */
                    mean: string;
                    /**
                     * @description The median amount, yuan to the fen (half up; of an even count, the mean of the two middle amounts), as a decimal string
                     * @example 5800000.00
                     */
                    median: string;
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
        RuleSetTest: {
            examples: components["schemas"]["RuleExampleResult"][];
            hash: string;
            kind: string;
            passed: boolean;
            ruleSetId: string;
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
            /**
             * @description The records the service fills inputs from, as they stood then (default: now)
             * @example 2026-06-30
             */
            asOf?: string;
            /** @example 50000000.00 */
            fund?: string;
            /** @description Fill this input from the GEP account of the unit whose code is the recipient's id (the rule file's `from: { gep }` says the same, with the year relative to the period) */
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
                /** @description The recipient; for inputs the service fills (`from` in the rule file), an accounting unit's code */
                id: string;
                name?: string;
                /** @default {} */
                values: {
                    [key: string]: string;
                };
            }[];
            /** @description Recipients taken from the accounting units instead of listed */
            recipientsFrom?: {
                /** @description Every accounting unit directly below this one, e.g. the towns of a district */
                childrenOf: string;
            };
            ruleSetId: string;
            /** @description What each extra fund named in the rule file holds, e.g. { "province-topup": "2000000.00" } for floors topped up by the province */
            sources?: {
                [key: string]: string;
            };
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
            /** @description The claim groups the report carries */
            claims: ("score" | "items" | "lists" | "disputes" | "query-history" | "points-summary" | "gep-assets" | "assessments")[];
            consentId: string;
            expiresAt: string;
            issuedAt: string;
            issuer: string;
            jwksUrl: string;
            kid: string;
            /** @description Compact JWS */
            report: string;
            reportId: string;
            status: components["schemas"]["StatusEntry"];
        };
        SimulateRuleSet: {
            inputs?: components["schemas"]["AllocationInput"];
        };
        /**
         * @example {
         *       "asOf": "2026-11-23"
         *     }
         */
        StartRescore: {
            /** @example 2026-11-23 */
            asOf?: string;
            /** @description A scorecard in force; default: each kind's primary one */
            scorecard?: string;
        };
        StatusCheck: {
            /** @description false: the status could not be checked, and `reason` says why; the token is not known to be revoked */
            checked: boolean;
            detail?: string;
            idx?: number;
            listIssuedAt?: string;
            /** @enum {string} */
            reason?: "no-status" | "unreachable" | "tampered" | "wrong-list" | "stale" | "out-of-range";
            /** @enum {string} */
            status?: "valid" | "revoked" | "suspended";
            uri?: string;
        };
        /** @description The token's entry in the district's Token Status List (statuslist+jwt) */
        StatusEntry: {
            idx: number;
            uri: string;
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
        SubjectStatement: {
            dueOn: string;
            filedAt: string;
            objectionId: string;
            /** @description The answer that rejected the objection */
            resolution: string | null;
            resolvedAt: string | null;
            statement: string;
            /** @enum {string} */
            status: "open" | "rejected";
        };
        UnitVocabulary: {
            dimensions: {
                base: string;
                code: string;
            }[];
            grammar: string;
            prefixes: {
                ascii: string;
                scale: string;
                zh: string;
            }[];
            units: {
                aliases: string[];
                /** @description How a rule file writes it, e.g. t-CO2 */
                code: string;
                description: string;
                /** @description What it measures, in base units, e.g. t-CO2 or yuan/m3 */
                dimension: string;
                /** @description Takes 万 and 亿 (wan-, yi-) */
                prefixable: boolean;
                /** @description Exact scale to the base unit of its dimension, e.g. 10000/15 for 亩 (m2) */
                scale: string;
                /** @description Its Chinese name, also accepted in rule files, e.g. 吨二氧化碳 */
                zh: string;
            }[];
        };
        VerifiedCreditReport: {
            header: {
                [key: string]: unknown;
            };
            payload: {
                [key: string]: unknown;
            };
            status: components["schemas"]["StatusCheck"];
            /** @enum {boolean} */
            valid: true;
            /**
             * @description district-keys: the keys this district publishes; supplied-keys: the key set sent with the request
             * @enum {string}
             */
            verifiedWith: "district-keys" | "supplied-keys";
        };
        VerifiedPresentation: {
            /** @description The always-visible claims and the disclosed groups */
            claims: {
                [key: string]: unknown;
            };
            disclosed: ("score" | "items" | "lists" | "disputes" | "query-history" | "points-summary" | "gep-assets" | "assessments")[];
            keyBinding: {
                aud: string;
                iat: number;
                nonce: string;
            };
            status: components["schemas"]["StatusCheck"];
            /** @enum {boolean} */
            valid: true;
        };
        VerifyCredentialPresentation: {
            audience?: string;
            /** @description How old the key binding may be; default 300 */
            maxKeyBindingAgeSeconds?: number;
            /** @description The nonce you gave the subject for this presentation */
            nonce: string;
            presentation: string;
            /** @enum {string} */
            purpose?: "loan-application" | "post-loan-management" | "guarantee";
            /** @description A status list you fetched and kept, checked instead of the district's list now */
            statusList?: string;
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
            /** @description A status list (statuslist+jwt) you fetched and kept: checked (and refused if not genuine) instead of the district's list now */
            statusList?: string;
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
                     *           "x": "8Ns-zoL75rH-USHEcJy5gL_MZJSdX7W5wA2Q7pYasQA",
                     *           "kty": "OKP",
                     *           "kid": "chongming-20261124-e3ef3ece",
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
    getStatusList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                listId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/statuslist+jwt": string;
                };
            };
            /** @description Unchanged since the ETag sent in If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`, `bank`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
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
    listAllocations: {
        parameters: {
            query?: {
                limit?: number;
                /** @example town-gep-split */
                ruleSetId?: string;
            };
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Runs */
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
                        items: components["schemas"]["AllocationRunHead"][];
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
            /** @description The caller may not do this: this operation is for `bureau`, `auditor`. Problem types: `forbidden` */
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
                     *       "id": "alc_01a20b48f36071348bbca7f9adfb3152",
                     *       "versionId": "rsv_01a20b4809007d71b5653b2c4b6f01c2",
                     *       "createdAt": "2026-11-24T02:01:00.000Z",
                     *       "result": {
                     *         "scheme": "payroll",
                     *         "period": "2026",
                     *         "parameters": {
                     *           "monthly": "1000"
                     *         },
                     *         "rounding": {
                     *           "unit": "0.01",
                     *           "text": "0.01 yuan",
                     *           "method": "largest-remainder",
                     *           "tieBreak": "larger remainder first; equal remainders by recipient id, ascending"
                     *         },
                     *         "ruleSet": {
                     *           "id": "monthly-rangers",
                     *           "version": 1,
                     *           "hash": "sha256:45b03347baf73cf72fe919b885bd06331900475948a18698862b711b15a1e148"
                     *         },
                     *         "fund": null,
                     *         "total": "9600.00",
                     *         "recipients": [
                     *           {
                     *             "id": "ranger-01",
                     *             "name": null,
                     *             "inputs": {
                     *               "months": "10",
                     *               "score": "90"
                     *             },
                     *             "shares": {},
                     *             "weights": {},
                     *             "components": [
                     *               {
                     *                 "name": "fixed",
                     *                 "before": "6000.00",
                     *                 "after": "6000.00",
                     *                 "note": "1000/month × 10 × 0.6"
                     *               },
                     *               {
                     *                 "name": "performance",
                     *                 "before": "3600.00",
                     *                 "after": "3600.00",
                     *                 "note": "1000/month × 10 × 0.4 × 90/100"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "9600",
                     *             "amount": "9600.00"
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
            /** @description The caller may not do this: this operation is for `bureau`. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
                /** @example alc_01a20b48f36071348bbca7f9adfb3152 */
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
                     *       "id": "alc_01a20b48f36071348bbca7f9adfb3152",
                     *       "versionId": "rsv_01a20b4809007d71b5653b2c4b6f01c2",
                     *       "createdAt": "2026-11-24T02:01:00.000Z",
                     *       "createdBy": "cli_01a20b48090077359b96a3fc811755ea",
                     *       "reproduced": null,
                     *       "result": {
                     *         "scheme": "payroll",
                     *         "period": "2026",
                     *         "fund": null,
                     *         "total": "9600.00",
                     *         "parameters": {
                     *           "monthly": "1000"
                     *         },
                     *         "rounding": {
                     *           "unit": "0.01",
                     *           "text": "0.01 yuan",
                     *           "method": "largest-remainder",
                     *           "tieBreak": "larger remainder first; equal remainders by recipient id, ascending"
                     *         },
                     *         "recipients": [
                     *           {
                     *             "id": "ranger-01",
                     *             "name": null,
                     *             "inputs": {
                     *               "months": "10",
                     *               "score": "90"
                     *             },
                     *             "shares": {},
                     *             "weights": {},
                     *             "components": [
                     *               {
                     *                 "name": "fixed",
                     *                 "before": "6000.00",
                     *                 "after": "6000.00",
                     *                 "note": "1000/month × 10 × 0.6"
                     *               },
                     *               {
                     *                 "name": "performance",
                     *                 "before": "3600.00",
                     *                 "after": "3600.00",
                     *                 "note": "1000/month × 10 × 0.4 × 90/100"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "9600",
                     *             "amount": "9600.00"
                     *           }
                     *         ],
                     *         "ruleSet": {
                     *           "id": "monthly-rangers",
                     *           "version": 1,
                     *           "hash": "sha256:45b03347baf73cf72fe919b885bd06331900475948a18698862b711b15a1e148"
                     *         }
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
            /** @description The caller may not do this: this operation is for `bureau`, `auditor`. Problem types: `forbidden` */
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
                     *           "id": "cli_01a20b4809007d0997ca9066b34d2a74",
                     *           "name": "上海农商银行崇明支行"
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`, `bank`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
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
                     *           "id": "ben_01a20b48090078e2bfdb7f396d96b55a",
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`, `bank`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
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
                     *       "id": "ben_01a20b48090078e2bfdb7f396d96b55a",
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
            /** @description The caller may not do this: this operation is for `bureau`. Problem types: `forbidden` */
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
            /** @description The caller may not do this: this operation is for `bank`, `auditor`, `bureau`, a subject token (its own data). Problem types: `forbidden` */
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
                     *       "id": "con_01a20b480900730bab2883fa792e79b0",
                     *       "subjectId": "sub_01a20b4809007ff0b9536b97ffe9985d",
                     *       "bankClientId": "cli_01a20b4809007dc28a5652f09382406c",
                     *       "bankName": "上海农商银行崇明支行",
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
                     *         "bankName": "上海农商银行崇明支行",
                     *         "statement": "本人同意将本人的生态信用信息提供给上海农商银行崇明支行，用于贷款申请，有效期至2027年2月22日。",
                     *         "at": "2026-11-24T02:00:00.000Z"
                     *       },
                     *       "subject": {
                     *         "kind": "resident",
                     *         "displayId": "310230********1233",
                     *         "name": null
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
            /** @description The caller may not do this: this operation is for a subject token (its own data). Problem types: `forbidden` */
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
                /** @example con_01a20b48090074488133db4377ccf913 */
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
                     *       "id": "con_01a20b48090074488133db4377ccf913",
                     *       "subjectId": "sub_01a20b4809007e99bbc193b5c15aa12e",
                     *       "bankClientId": "cli_01a20b48090078bda39095699f5fe5f1",
                     *       "bankName": "chongming bank",
                     *       "purpose": "loan-application",
                     *       "scopes": [
                     *         "credit"
                     *       ],
                     *       "grantedAt": "2026-11-24T02:00:00.000Z",
                     *       "expiresAt": "2027-02-22T02:00:00.000Z",
                     *       "revokedAt": "2026-11-24T02:00:00.000Z",
                     *       "state": "revoked",
                     *       "evidence": {
                     *         "method": "subject-token",
                     *         "issuer": "urn:eco-credit:dev-idp",
                     *         "bankName": "chongming bank",
                     *         "statement": "本人同意将本人的生态信用信息提供给chongming bank，用于贷款申请，有效期至2027年2月22日。",
                     *         "at": "2026-11-24T02:00:00.000Z"
                     *       },
                     *       "subject": {
                     *         "kind": "resident",
                     *         "displayId": "310230********1233",
                     *         "name": null
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
            /** @description The caller may not do this: this operation is for a subject token (its own data). Problem types: `forbidden` */
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
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `consent-already-revoked` */
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
                     *           "eventId": "evt_01a20b48090071f099a3ec14a652d633",
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
            /** @description The caller may not do this: this operation is for `recorder`. Problem types: `forbidden`, `code-not-permitted` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
                /** @example evt_01a20b4809007370ab3b978a5648c187 */
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
                     *       "id": "obj_01a20b4809007a5ebd49c3a2ce071307",
                     *       "subjectId": "sub_01a20b48090076d9afcc4d40e7e74e4d",
                     *       "eventId": "evt_01a20b4809007370ab3b978a5648c187",
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
            /** @description The caller may not do this: this operation is for a subject token (its own data). Problem types: `forbidden` */
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
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `idempotency-key-reused`, `idempotency-in-progress`, `objection-open`, `already-reversed` */
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
            /** @description Well-formed, but the content is not acceptable. Problem types: `objection-to-reversal` */
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
                /** @description The lists as they stood then: events known then, corrections made by then, the rules then in force */
                asOf?: string;
                /** @example black */
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
                     *       "items": []
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
            /** @description The caller may not do this: this operation is for `bureau`, `auditor`. Problem types: `forbidden` */
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
    getDistrictPolicy: {
        parameters: {
            query?: {
                /** @description The policy in force at this instant */
                asOf?: string;
            };
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ruleSet": {
                     *         "id": "district-policy",
                     *         "version": 1,
                     *         "hash": "sha256:d2d6351f1ea9c8b9872ace87773ce844d20fd9feb2c36640917f21aef34bc774"
                     *       },
                     *       "timeZone": "Asia/Shanghai",
                     *       "objectionAnswerDays": 20,
                     *       "reportValidDays": 30,
                     *       "credentialValidDays": 30,
                     *       "consentDays": {
                     *         "default": 90,
                     *         "max": 365
                     *       },
                     *       "retention": {
                     *         "negativeYears": 5,
                     *         "positiveYears": 5
                     *       },
                     *       "purposes": {
                     *         "loan-application": [
                     *           "score",
                     *           "items",
                     *           "lists",
                     *           "disputes",
                     *           "query-history",
                     *           "points-summary",
                     *           "gep-assets",
                     *           "assessments"
                     *         ],
                     *         "post-loan-management": [
                     *           "score",
                     *           "lists",
                     *           "disputes",
                     *           "query-history",
                     *           "gep-assets"
                     *         ],
                     *         "guarantee": [
                     *           "score",
                     *           "items",
                     *           "lists",
                     *           "disputes",
                     *           "query-history",
                     *           "points-summary",
                     *           "gep-assets",
                     *           "assessments"
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DistrictPolicy"];
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`, `bank`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
            query?: {
                asOf?: string;
                /** @description csv: the filing table, as with Accept: text/csv */
                format?: "json" | "csv";
                /** @description current (default): the closed revision where there is one; open: the working account */
                view?: "current" | "open";
            };
            header?: never;
            path: {
                districtId: string;
                unitCode: string;
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
                     *         "id": "gpu_01a20b49ddc07bea8eb2be370c43bf12",
                     *         "code": "new-wetland",
                     *         "name": "new-wetland",
                     *         "level": "plot",
                     *         "parent": null,
                     *         "rollUp": false,
                     *         "redLineAreaHa": null,
                     *         "forestAreaHa": null,
                     *         "ownerSubjectId": null,
                     *         "areaHa": "1000",
                     *         "ecosystemTypes": [
                     *           "wetland"
                     *         ],
                     *         "method": null,
                     *         "createdAt": "2026-11-24T02:02:00.000Z",
                     *         "updatedAt": "2026-11-24T02:02:00.000Z"
                     *       },
                     *       "year": 2025,
                     *       "rows": [
                     *         {
                     *           "indicator": "water-retention",
                     *           "title": "水源涵养量",
                     *           "category": "regulating",
                     *           "subtotal": "水源涵养",
                     *           "quantityUnit": "m3",
                     *           "quantityFormula": null,
                     *           "factors": [],
                     *           "price": {
                     *             "value": "6.11",
                     *             "unit": "yuan/m3",
                     *             "year": 2025,
                     *             "source": "水库单位库容造价"
                     *           },
                     *           "status": "assessed",
                     *           "quantity": "1",
                     *           "steps": [],
                     *           "value": "6.11",
                     *           "share": "1",
                     *           "formula": "1 m3 × 6.11 yuan/m3",
                     *           "source": "2025年度生态监测",
                     *           "measured": {
                     *             "value": "1",
                     *             "unit": "m3"
                     *           }
                     *         }
                     *       ],
                     *       "subtotals": [
                     *         {
                     *           "category": "regulating",
                     *           "subtotal": "水源涵养",
                     *           "value": "6.11",
                     *           "assessed": 1,
                     *           "notAssessed": 0,
                     *           "share": "1"
                     *         }
                     *       ],
                     *       "categories": {
                     *         "material": "0.00",
                     *         "regulating": "6.11",
                     *         "cultural": "0.00"
                     *       },
                     *       "categoryShares": {
                     *         "material": "0",
                     *         "regulating": "1",
                     *         "cultural": "0"
                     *       },
                     *       "total": "6.11",
                     *       "notAssessed": [],
                     *       "complete": true,
                     *       "ruleSet": {
                     *         "id": "gep-method",
                     *         "version": 2,
                     *         "hash": "sha256:5b87079189e941e9c11331fbabbd35fa91f55f7e2d9a119f9e51819c7078f4aa"
                     *       },
                     *       "status": "open",
                     *       "revision": null,
                     *       "closedAt": null,
                     *       "closedBy": null,
                     *       "note": null,
                     *       "methodVersionId": "rsv_01a20b48f3607fb58899a25d9ce4f5b2",
                     *       "pinnedAt": "2026-11-24T02:02:00.000Z",
                     *       "measurements": [
                     *         {
                     *           "name": "water-retention",
                     *           "value": "1",
                     *           "unit": "m3",
                     *           "source": "2025年度生态监测",
                     *           "recordedAt": "2026-11-24T02:02:00.000Z"
                     *         }
                     *       ],
                     *       "children": null,
                     *       "figures": {
                     *         "population": null,
                     *         "gdp": null,
                     *         "areaKm2": "10"
                     *       },
                     *       "indicators": {
                     *         "perPerson": null,
                     *         "perKm2": "0.61",
                     *         "gepToGdp": null
                     *       },
                     *       "values": {
                     *         "annual": "6.11",
                     *         "increment": null,
                     *         "asset": null,
                     *         "previousYear": null,
                     *         "assetBasis": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["GepAccount"];
                    "text/csv": string;
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `gep-future-year` */
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
    closeGepAccount: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body returns the first answer; with another body, 409. */
                "idempotency-key"?: string;
            };
            path: {
                districtId: string;
                unitCode: string;
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GepAccountClosure"];
            };
        };
        responses: {
            /** @description The closed revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "unit": {
                     *         "id": "gpu_01a20b48090076f19d623f38d89ea9b6",
                     *         "code": "dongtan-plot-07",
                     *         "name": "东滩湿地7号地块",
                     *         "level": "plot",
                     *         "parent": null,
                     *         "rollUp": false,
                     *         "redLineAreaHa": null,
                     *         "forestAreaHa": null,
                     *         "ownerSubjectId": null,
                     *         "areaHa": "420.5",
                     *         "ecosystemTypes": [
                     *           "wetland",
                     *           "forest"
                     *         ],
                     *         "method": null,
                     *         "createdAt": "2026-11-24T02:00:00.000Z",
                     *         "updatedAt": "2026-11-24T02:00:00.000Z"
                     *       },
                     *       "year": 2025,
                     *       "rows": [
                     *         {
                     *           "indicator": "water-conservation",
                     *           "title": "水源涵养",
                     *           "category": "regulating",
                     *           "subtotal": "水源涵养",
                     *           "quantityUnit": "yi-m3",
                     *           "quantityFormula": null,
                     *           "factors": [],
                     *           "price": {
                     *             "value": "611000000",
                     *             "unit": "yuan/yi-m3",
                     *             "year": 2025,
                     *             "source": "水库单位库容造价"
                     *           },
                     *           "status": "assessed",
                     *           "quantity": "1",
                     *           "steps": [],
                     *           "value": "611000000.00",
                     *           "share": "1",
                     *           "formula": "1 yi-m3 × 611000000 yuan/yi-m3",
                     *           "source": "2025年度生态监测",
                     *           "measured": {
                     *             "value": "1",
                     *             "unit": "yi-m3"
                     *           }
                     *         }
                     *       ],
                     *       "subtotals": [
                     *         {
                     *           "category": "regulating",
                     *           "subtotal": "水源涵养",
                     *           "value": "611000000.00",
                     *           "assessed": 1,
                     *           "notAssessed": 0,
                     *           "share": "1"
                     *         }
                     *       ],
                     *       "categories": {
                     *         "material": "0.00",
                     *         "regulating": "611000000.00",
                     *         "cultural": "0.00"
                     *       },
                     *       "categoryShares": {
                     *         "material": "0",
                     *         "regulating": "1",
                     *         "cultural": "0"
                     *       },
                     *       "total": "611000000.00",
                     *       "notAssessed": [],
                     *       "complete": true,
                     *       "ruleSet": {
                     *         "id": "gep-method",
                     *         "version": 3,
                     *         "hash": "sha256:ca011f0545f074e76aaa11c5648fc751dfd11242b4fcb38587ce2473d7acef4d"
                     *       },
                     *       "status": "closed",
                     *       "revision": 1,
                     *       "closedAt": "2026-11-24T02:02:00.000Z",
                     *       "closedBy": "cli_01a20b4809007ecf8f08e0aa3af5055c",
                     *       "note": null,
                     *       "methodVersionId": "rsv_01a20b48f360750a834be4bddbacdb86",
                     *       "pinnedAt": "2026-11-24T02:02:00.000Z",
                     *       "measurements": [
                     *         {
                     *           "name": "water-conservation",
                     *           "value": "1",
                     *           "unit": "yi-m3",
                     *           "source": "2025年度生态监测",
                     *           "recordedAt": "2026-11-24T02:01:00.000Z"
                     *         }
                     *       ],
                     *       "children": null,
                     *       "figures": {
                     *         "population": null,
                     *         "gdp": null,
                     *         "areaKm2": "4.205"
                     *       },
                     *       "indicators": {
                     *         "perPerson": null,
                     *         "perKm2": "145303210.46",
                     *         "gepToGdp": null
                     *       },
                     *       "values": {
                     *         "annual": "611000000.00",
                     *         "increment": null,
                     *         "asset": null,
                     *         "previousYear": null,
                     *         "assetBasis": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["GepAccount"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body`, `gep-future-year` */
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
            /** @description The caller may not do this: this operation is for `bureau`. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `idempotency-key-reused`, `idempotency-in-progress`, `gep-account-closed` */
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
    listGepAccountRevisions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                unitCode: string;
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revisions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "revisions": []
                     *     }
                     */
                    "application/json": {
                        revisions: {
                            closedAt: string;
                            closedBy: string;
                            id: string;
                            methodHash: string;
                            methodVersionId: string;
                            note: string | null;
                            revision: number;
                            /**
                             * @description Yuan, a decimal string to the fen
                             * @example 9306432.15
                             */
                            total: string;
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
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
                     *       "recorded": 1
                     *     }
                     */
                    "application/json": {
                        recorded: number;
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field. Problem types: `validation`, `malformed-body`, `gep-future-year` */
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key. Problem types: `gep-account-closed` */
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
                     *       "id": "lna_01a20b480ce87c7fbb61c7a2445bc780",
                     *       "eligible": true,
                     *       "failedConditions": [],
                     *       "pledges": [
                     *         {
                     *           "type": "carbon-sink",
                     *           "reference": "CCER-001",
                     *           "basis": "50000.00",
                     *           "basisDescription": "1000 t-CO2 verified × 50 yuan/t-CO2",
                     *           "ratio": "1",
                     *           "ceiling": "50000.00"
                     *         }
                     *       ],
                     *       "pledgeTotal": "50000.00",
                     *       "lineMultiplier": "1",
                     *       "cap": {
                     *         "borrowerKind": "resident",
                     *         "guarantee": "none",
                     *         "max": "300000.00"
                     *       },
                     *       "ceiling": "50000.00",
                     *       "requestedAmount": "50000.00",
                     *       "withinCeiling": true,
                     *       "termMonths": 12,
                     *       "maxTermMonths": 36,
                     *       "rateAdjustmentBp": 0,
                     *       "grade": "c",
                     *       "scorecard": {
                     *         "id": "resident-village",
                     *         "version": 1,
                     *         "hash": "sha256:3fec4bbadce6abebafab0a0d99d08ad33a69240ade48644a7d67bce7e1696671"
                     *       },
                     *       "gradeAdjustments": [
                     *         {
                     *           "id": "deep-green",
                     *           "reason": "碳账户深绿：授信额度上浮20%，利率下调50BP",
                     *           "scorecard": "resident-carbon-account",
                     *           "grade": "light-green",
                     *           "applied": false,
                     *           "lineMultiplier": "1.2",
                     *           "bp": -50
                     *         }
                     *       ],
                     *       "reasons": [
                     *         "carbon-sink CCER-001: 1000 t-CO2 verified × 50 yuan/t-CO2 × 1 = 50000.00 yuan",
                     *         "grade c: rate +0 bp, credit line × 1",
                     *         "indicative ceiling 50000.00 yuan; requested 50000.00 yuan is within it"
                     *       ],
                     *       "ruleSets": [
                     *         {
                     *           "id": "carbon-loan",
                     *           "version": 1,
                     *           "hash": "sha256:7b911790a5da1aeb4911aa7ec0bc0a2511e3ed38a081bd1b1e68b054e3858185"
                     *         },
                     *         {
                     *           "id": "resident-village",
                     *           "version": 1,
                     *           "hash": "sha256:3fec4bbadce6abebafab0a0d99d08ad33a69240ade48644a7d67bce7e1696671"
                     *         },
                     *         {
                     *           "id": "resident-behaviours",
                     *           "version": 1,
                     *           "hash": "sha256:4af3868563d5555f11014a4254d0b46db657e39ee2a5f192a1ef4c06bfa3a700"
                     *         },
                     *         {
                     *           "id": "resident-carbon-account",
                     *           "version": 1,
                     *           "hash": "sha256:2f7bddcbf461bfd8cbaab509b4187c13f443656e6c59ad6a9dfc830f45040877"
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
            /** @description The caller may not do this: this operation is for `bank`. Problem types: `forbidden`, `no-consent`, `purpose-not-granted`, `scope-not-granted`, `consent-expired`, `consent-revoked` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
            /** @description Well-formed, but the content is not acceptable. Problem types: `wrong-rule-kind`, `pledge-refused`, `scorecard-incomplete` */
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
                     *           "hash": "sha256:23eeb3a26af3b49d8c4aadbf9171f862ca7760f241d632421b7ab2fde5f7f0d0",
                     *           "title": "林业碳汇贷",
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
                     *             },
                     *             "gradeAdjustments": []
                     *           }
                     *         },
                     *         {
                     *           "id": "gep-eco-loan",
                     *           "version": 1,
                     *           "hash": "sha256:19323dc56c98048bf27a67e86fd40fe4e49cfc6b12847afd62504eb9d1c73327",
                     *           "title": "GEP生态贷",
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
                     *                 "ratio": "0.30",
                     *                 "valueType": "annual",
                     *                 "closedOnly": false
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
                     *             },
                     *             "gradeAdjustments": []
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`, `bank`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
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
            /** @description The caller may not do this: this operation is for a subject token (its own data). Problem types: `forbidden` */
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
    issueOwnCredential: {
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
                "application/json": components["schemas"]["IssueOwnCredential"];
            };
        };
        responses: {
            /** @description The credential */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/dc+sd-jwt": string;
                    /**
                     * @example {
                     *       "credentialId": "crd_01a20b4809007f3789ccd0f7d4c08ae0",
                     *       "credential": "eyJ0eXAiOiJkYytzZC1qd3QiLCJraWQiOiJjaG9uZ21pbmctMjAyNjExMjQtY2UyMTVkZmMiLCJhbGciOiJFZERTQSJ9.eyJpc3MiOiJodHRwOi8vbG9jYWxob3N0L2Rpc3RyaWN0cy9jaG9uZ21pbmciLCJzdWIiOiJ1cm46ZWNvLWNyZWRpdDpzdWJqZWN0OnN1Yl8wMWEyMGI0ODA5MDA3YmNlYWU3NjY5MTM3NGRmNTU2ZSIsImlhdCI6MTc5NTQ4NTYwMCwibmJmIjoxNzk1NDg1NjAwLCJleHAiOjE3OTgwNzc2MDAsImp0aSI6ImNyZF8wMWEyMGI0ODA5MDA3ZjM3ODljY2QwZjdkNGMwOGFlMCIsInZjdCI6InVybjplY28tY3JlZGl0OnZjdDplY28tY3JlZGl0LXJlY29yZDoxIiwiY25mIjp7Imp3ayI6eyJrdHkiOiJPS1AiLCJjcnYiOiJFZDI1NTE5IiwieCI6IlZnd1pSR3VaMi0xaUg5QVA5cXNVWlBpNHVIaWtuVk8wY3dTcnpUY3RiM1UiLCJhbGciOiJFZERTQSJ9fSwic3RhdHVzIjp7InN0YXR1c19saXN0Ijp7ImlkeCI6MTk5NjAsInVyaSI6Imh0dHA6Ly9sb2NhbGhvc3QvZGlzdHJpY3RzL2Nob25nbWluZy9zdGF0dXMtbGlzdHMvMSJ9fSwiZGlzdHJpY3QiOiJjaG9uZ21pbmciLCJzdWJqZWN0X2tpbmQiOiJyZXNpZGVudCIsImRpc3BsYXlfaWQiOiIzMTAyMzAqKioqKioqKjAwNDkiLCJydWxlX3NldHMiOlt7ImlkIjoicmVzaWRlbnQtdmlsbGFnZSIsInZlcnNpb24iOjEsImhhc2giOiJzaGEyNTY6M2ZlYzRiYmFkY2U2YWJlYmFmYWIwYTBkOTlkMDhhZDMzYTY5MjQwYWRlNDg2NDRhN2Q2N2JjZTdlMTY5NjY3MSJ9LHsiaWQiOiJyZXNpZGVudC1iZWhhdmlvdXJzIiwidmVyc2lvbiI6MSwiaGFzaCI6InNoYTI1Njo0YWYzODY4NTYzZDU1NTVmMTEwMTRhNDI1NGQwYjQ2ZGI2NTdlMzllZTJhNWYxOTJhMWVmNGMwNmJmYTNhNzAwIn0seyJpZCI6ImRpc3RyaWN0LXBvbGljeSIsInZlcnNpb24iOjEsImhhc2giOiJzaGEyNTY6ZDJkNjM1MWYxZWE5YzhiOTg3MmFjZTg3NzczY2U4NDRkMjBmZDlmZWIyYzM2NjQwOTE3ZjIxYWVmMzRiYzc3NCJ9XSwiX3NkIjpbIjhRalNhbS03TVFzLURkMDh0eGpnaTJDSHpVX0hHc3FFX09yaXRfblg4M0kiLCJNTUhzc292MHNqM2ZKUzgwU2hzbEx5NTJ4RHgtTHNKWGMzX1RvYk5DTHljIiwiUnNiZjZnb1lBQ0ZGSlRhdFBGLUlJRHpmc2RSZHl3MjdmMVhwazZfX2FaYyIsIlpsM053M2pTd21fcHdZNThwM2UtWWdTYzFtMlVNVlZMbXNiM1Z5eEtzOEkiLCJmNTA5aHo4bFlMWUJCd3dOTUEybUNKc2ZESXhJUjdwQjMzNmgyYlYwbjZ3Iiwia2hUQTRzSG5YdkQxc3lpdWc5dTRUdW9iNENNaWRfMldyRzNWeElGc2FtRSIsImxFekxBTDRCYmhUbTVUZzR0OTk5QkZ4bnY1ZGlHVzVRZWxLRDcwSm5hbFUiLCJuQWdhWjJNSTF1NXAyYWhFNGZFc2JCX1pqamlHSXVvOWJCRldLQlA2STBNIl0sIl9zZF9hbGciOiJzaGEtMjU2In0.e5tVromCofqU2QiHbbq81_GcFJJnYGu4vgvWBsO7cLwfwgie0A8nhDoJtv-nvLmWJVV3rifZvKbqqlVuVkWGAg~WyJTX3BXdzNnOGVEcGRRQ29RUG91UG9BIiwic2NvcmUiLHsic2NvcmVjYXJkIjp7ImlkIjoicmVzaWRlbnQtdmlsbGFnZSIsInZlcnNpb24iOjEsImhhc2giOiJzaGEyNTY6M2ZlYzRiYmFkY2U2YWJlYmFmYWIwYTBkOTlkMDhhZDMzYTY5MjQwYWRlNDg2NDRhN2Q2N2JjZTdlMTY5NjY3MSJ9LCJhc09mIjoiMjAyNi0xMS0yNFQwMjowMDowMC4wMDBaIiwic2NvcmUiOjgwLCJncmFkZSI6ImMiLCJncmFkZUxhYmVsIjoi5LiA6IisIiwic2NvcmVHcmFkZSI6ImMiLCJvdmVycmlkZXMiOltdfV0~WyI0MzhFWnhpM1Vud0M2VTBtRFFTUUlBIiwiaXRlbXMiLFtdXQ~WyJLd0d2Y3RQXzc1NXljRlU4VFZ6T293IiwibGlzdHMiLFtdXQ~WyJ0YXgxWUVCSGpLcVVJVEhGT000aUt3IiwiZGlzcHV0ZXMiLHsiZGlzcHV0ZWQiOltdLCJzdGF0ZW1lbnRzIjpbXX1d~WyJZN0paRTNXSFJtVl9JSkdWeHhqY3ZBIiwicXVlcnktaGlzdG9yeSIseyJhc09mIjoiMjAyNi0xMS0yNFQwMjowMDowMC4wMDBaIiwid2luZG93cyI6W3sibW9udGhzIjoxLCJmcm9tIjoiMjAyNi0xMC0yNSIsInRvdGFsIjowLCJieVB1cnBvc2UiOnsibG9hbi1hcHBsaWNhdGlvbiI6MCwicG9zdC1sb2FuLW1hbmFnZW1lbnQiOjAsImd1YXJhbnRlZSI6MCwib2ZmaWNpYWwtZHV0aWVzIjowfSwiYnlJbnN0aXR1dGlvbiI6eyJiYW5rIjowLCJhZ2VuY3kiOjAsImF1ZGl0b3IiOjB9fSx7Im1vbnRocyI6MywiZnJvbSI6IjIwMjYtMDgtMjUiLCJ0b3RhbCI6MCwiYnlQdXJwb3NlIjp7ImxvYW4tYXBwbGljYXRpb24iOjAsInBvc3QtbG9hbi1tYW5hZ2VtZW50IjowLCJndWFyYW50ZWUiOjAsIm9mZmljaWFsLWR1dGllcyI6MH0sImJ5SW5zdGl0dXRpb24iOnsiYmFuayI6MCwiYWdlbmN5IjowLCJhdWRpdG9yIjowfX0seyJtb250aHMiOjYsImZyb20iOiIyMDI2LTA1LTI1IiwidG90YWwiOjAsImJ5UHVycG9zZSI6eyJsb2FuLWFwcGxpY2F0aW9uIjowLCJwb3N0LWxvYW4tbWFuYWdlbWVudCI6MCwiZ3VhcmFudGVlIjowLCJvZmZpY2lhbC1kdXRpZXMiOjB9LCJieUluc3RpdHV0aW9uIjp7ImJhbmsiOjAsImFnZW5jeSI6MCwiYXVkaXRvciI6MH19LHsibW9udGhzIjoxMiwiZnJvbSI6IjIwMjUtMTEtMjUiLCJ0b3RhbCI6MCwiYnlQdXJwb3NlIjp7ImxvYW4tYXBwbGljYXRpb24iOjAsInBvc3QtbG9hbi1tYW5hZ2VtZW50IjowLCJndWFyYW50ZWUiOjAsIm9mZmljaWFsLWR1dGllcyI6MH0sImJ5SW5zdGl0dXRpb24iOnsiYmFuayI6MCwiYWdlbmN5IjowLCJhdWRpdG9yIjowfX1dfV0~WyJMdnpnZVZ5aWFRelFkanNUVzZfNHF3IiwicG9pbnRzLXN1bW1hcnkiLHsiYmFsYW5jZSI6MCwicGVuZGluZyI6MH1d~WyJUVktReTl6OHFKckdYbXhMZzg4YUpRIiwiZ2VwLWFzc2V0cyIseyJ1bml0cyI6W119XQ~WyJjcHV4cDJJWXItWVRDTkZEbE9ldnJ3IiwiYXNzZXNzbWVudHMiLFtdXQ~",
                     *       "kid": "chongming-20261124-ce215dfc",
                     *       "issuer": "http://localhost/districts/chongming",
                     *       "issuedAt": "2026-11-24T02:00:00.000Z",
                     *       "expiresAt": "2026-12-24T02:00:00.000Z",
                     *       "claims": [
                     *         "score",
                     *         "items",
                     *         "lists",
                     *         "disputes",
                     *         "query-history",
                     *         "points-summary",
                     *         "gep-assets",
                     *         "assessments"
                     *       ],
                     *       "status": {
                     *         "idx": 19960,
                     *         "uri": "http://localhost/districts/chongming/status-lists/1"
                     *       },
                     *       "mediaType": "application/dc+sd-jwt",
                     *       "jwksUrl": "http://localhost/districts/chongming/.well-known/jwks.json"
                     *     }
                     */
                    "application/json": components["schemas"]["IssuedCredential"];
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
            /** @description The caller may not do this: this operation is for a subject token (its own data). Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
    listObjections: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
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
            /** @description A page of objections */
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
                        items: components["schemas"]["Objection"][];
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
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
                /** @example obj_01a20b480900728b86069d7733c947da */
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
                     *       "id": "obj_01a20b480900728b86069d7733c947da",
                     *       "subjectId": "sub_01a20b480900795cae9d48a4b1d952ee",
                     *       "eventId": "evt_01a20b4809007bef972886360e651b9f",
                     *       "statement": "不是我",
                     *       "filedAt": "2026-11-24T02:00:00.000Z",
                     *       "dueOn": "2026-12-14",
                     *       "overdue": false,
                     *       "status": "rejected",
                     *       "resolvedAt": "2026-11-24T02:00:00.000Z",
                     *       "resolvedBy": "cli_01a20b4809007141b872c28f0ecaf326",
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`. Problem types: `forbidden` */
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
    awardPointsBatch: {
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
                "application/json": components["schemas"]["AwardPointsBatch"];
            };
        };
        responses: {
            /** @description The batch, line by line */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "awarded": 0,
                     *       "refused": 1,
                     *       "points": 0,
                     *       "lines": [
                     *         {
                     *           "line": 1,
                     *           "holderId": "sub_01a20b48090076118590a56042e05770",
                     *           "action": "GREEN-TRAVEL",
                     *           "catalogue": "points-catalogue",
                     *           "requested": 10,
                     *           "status": "refused",
                     *           "entryId": null,
                     *           "awarded": 0,
                     *           "refused": {
                     *             "code": "cap-reached",
                     *             "points": 10,
                     *             "reason": "GREEN-TRAVEL gives at most 40 points a day; nothing is left for 2026-11-24"
                     *           }
                     *         }
                     *       ],
                     *       "ruleSets": [
                     *         {
                     *           "id": "points-catalogue",
                     *           "version": 1,
                     *           "hash": "sha256:fd8679ea6e1f8df16052a9f70ecf7f4e81613aa4a3a800fe45569c72b359e9d9"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PointsAwardBatch"];
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
            /** @description The caller may not do this: this operation is for `recorder`. Problem types: `forbidden`, `action-not-permitted` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
            /** @description Well-formed, but the content is not acceptable. Problem types: `unknown-action`, `action-not-for-holder` */
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
                     *         "id": "ple_01a20b480ce87a8a83eb4300a505255d",
                     *         "kind": "earn",
                     *         "points": 5,
                     *         "actionCode": "GREEN-PAYMENT",
                     *         "source": null,
                     *         "earnedOn": "2026-11-24",
                     *         "availableOn": "2026-11-24",
                     *         "expiresOn": "2027-11-24",
                     *         "reason": "绿色支付 (1.00 yuan)",
                     *         "evidence": null,
                     *         "lotId": null,
                     *         "redemptionId": null,
                     *         "recordedAt": "2026-11-24T02:00:01.000Z",
                     *         "ruleSet": {
                     *           "id": "payments",
                     *           "hash": "sha256:ced40f64f9529cb53afadc335424d9e47d52e05931b82b361ab40e205570f3af"
                     *         }
                     *       },
                     *       "requested": 5,
                     *       "awarded": 5,
                     *       "refused": null,
                     *       "ruleSet": {
                     *         "id": "payments",
                     *         "version": 1,
                     *         "hash": "sha256:ced40f64f9529cb53afadc335424d9e47d52e05931b82b361ab40e205570f3af"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PointsAward"];
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
            /** @description The caller may not do this: this operation is for `recorder`. Problem types: `forbidden`, `action-not-permitted`, `source-switched-off` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
                /** @example ple_01a20b480900723abb078dde657b6116 */
                entryId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "不认可"
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
                     *       "id": "ple_01a20b4809007f1795d2e2dd787f044b",
                     *       "kind": "reverse",
                     *       "points": -2,
                     *       "actionCode": "WASTE-SORTING",
                     *       "source": null,
                     *       "earnedOn": "2026-11-24",
                     *       "availableOn": "2026-11-24",
                     *       "expiresOn": null,
                     *       "reason": "reversed: 登记错误",
                     *       "evidence": null,
                     *       "lotId": "ple_01a20b480900764398a4f62d13095b2c",
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`. Problem types: `forbidden` */
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
    getPointsCatalogue: {
        parameters: {
            query?: {
                holderKind?: "resident" | "firm";
            };
            header?: never;
            path: {
                districtId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalogue in force today (a subject sees the actions open to its kind) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "title": "生态积分目录",
                     *       "ruleSet": {
                     *         "id": "points-catalogue",
                     *         "version": 1,
                     *         "hash": "sha256:fd8679ea6e1f8df16052a9f70ecf7f4e81613aa4a3a800fe45569c72b359e9d9"
                     *       },
                     *       "actions": [
                     *         {
                     *           "code": "TREE-PLANTING",
                     *           "title": "义务植树",
                     *           "holders": [
                     *             "resident",
                     *             "firm"
                     *           ],
                     *           "points": null,
                     *           "perUnit": {
                     *             "unit": "tree",
                     *             "points": 10
                     *           },
                     *           "minAmount": 1,
                     *           "amountUnit": null,
                     *           "caps": {
                     *             "perDay": null,
                     *             "perMonth": 300,
                     *             "perDayActions": null,
                     *             "perMonthActions": null
                     *           },
                     *           "oncePer": null,
                     *           "delayDays": 0,
                     *           "expiry": {
                     *             "endOfYearAfter": true
                     *           },
                     *           "source": null
                     *         },
                     *         {
                     *           "code": "GREEN-CERTIFICATION",
                     *           "title": "绿色认证",
                     *           "holders": [
                     *             "firm"
                     *           ],
                     *           "points": 500,
                     *           "perUnit": null,
                     *           "minAmount": null,
                     *           "amountUnit": null,
                     *           "caps": {
                     *             "perDay": null,
                     *             "perMonth": null,
                     *             "perDayActions": null,
                     *             "perMonthActions": null
                     *           },
                     *           "oncePer": "{holder}:{reference}",
                     *           "delayDays": 0,
                     *           "expiry": {
                     *             "days": 730
                     *           },
                     *           "source": null
                     *         },
                     *         {
                     *           "code": "ENERGY-RETROFIT",
                     *           "title": "节能改造（每吨标准煤节约量）",
                     *           "holders": [
                     *             "firm"
                     *           ],
                     *           "points": null,
                     *           "perUnit": {
                     *             "unit": "tce",
                     *             "points": 20
                     *           },
                     *           "minAmount": 1,
                     *           "amountUnit": null,
                     *           "caps": {
                     *             "perDay": null,
                     *             "perMonth": 2000,
                     *             "perDayActions": null,
                     *             "perMonthActions": null
                     *           },
                     *           "oncePer": null,
                     *           "delayDays": 0,
                     *           "expiry": {
                     *             "days": 730
                     *           },
                     *           "source": null
                     *         },
                     *         {
                     *           "code": "RESTORATION-PROJECT",
                     *           "title": "生态修复项目",
                     *           "holders": [
                     *             "firm"
                     *           ],
                     *           "points": 1000,
                     *           "perUnit": null,
                     *           "minAmount": null,
                     *           "amountUnit": null,
                     *           "caps": {
                     *             "perDay": null,
                     *             "perMonth": null,
                     *             "perDayActions": null,
                     *             "perMonthActions": null
                     *           },
                     *           "oncePer": "{reference}",
                     *           "delayDays": 0,
                     *           "expiry": {
                     *             "days": 730
                     *           },
                     *           "source": null
                     *         }
                     *       ],
                     *       "catalogues": [
                     *         {
                     *           "title": "生态积分目录",
                     *           "ruleSet": {
                     *             "id": "points-catalogue",
                     *             "version": 1,
                     *             "hash": "sha256:fd8679ea6e1f8df16052a9f70ecf7f4e81613aa4a3a800fe45569c72b359e9d9"
                     *           },
                     *           "actions": [
                     *             {
                     *               "code": "TREE-PLANTING",
                     *               "title": "义务植树",
                     *               "holders": [
                     *                 "resident",
                     *                 "firm"
                     *               ],
                     *               "points": null,
                     *               "perUnit": {
                     *                 "unit": "tree",
                     *                 "points": 10
                     *               },
                     *               "minAmount": 1,
                     *               "amountUnit": null,
                     *               "caps": {
                     *                 "perDay": null,
                     *                 "perMonth": 300,
                     *                 "perDayActions": null,
                     *                 "perMonthActions": null
                     *               },
                     *               "oncePer": null,
                     *               "delayDays": 0,
                     *               "expiry": {
                     *                 "endOfYearAfter": true
                     *               },
                     *               "source": null
                     *             },
                     *             {
                     *               "code": "GREEN-CERTIFICATION",
                     *               "title": "绿色认证",
                     *               "holders": [
                     *                 "firm"
                     *               ],
                     *               "points": 500,
                     *               "perUnit": null,
                     *               "minAmount": null,
                     *               "amountUnit": null,
                     *               "caps": {
                     *                 "perDay": null,
                     *                 "perMonth": null,
                     *                 "perDayActions": null,
                     *                 "perMonthActions": null
                     *               },
                     *               "oncePer": "{holder}:{reference}",
                     *               "delayDays": 0,
                     *               "expiry": {
                     *                 "days": 730
                     *               },
                     *               "source": null
                     *             },
                     *             {
                     *               "code": "ENERGY-RETROFIT",
                     *               "title": "节能改造（每吨标准煤节约量）",
                     *               "holders": [
                     *                 "firm"
                     *               ],
                     *               "points": null,
                     *               "perUnit": {
                     *                 "unit": "tce",
                     *                 "points": 20
                     *               },
                     *               "minAmount": 1,
                     *               "amountUnit": null,
                     *               "caps": {
                     *                 "perDay": null,
                     *                 "perMonth": 2000,
                     *                 "perDayActions": null,
                     *                 "perMonthActions": null
                     *               },
                     *               "oncePer": null,
                     *               "delayDays": 0,
                     *               "expiry": {
                     *                 "days": 730
                     *               },
                     *               "source": null
                     *             },
                     *             {
                     *               "code": "RESTORATION-PROJECT",
                     *               "title": "生态修复项目",
                     *               "holders": [
                     *                 "firm"
                     *               ],
                     *               "points": 1000,
                     *               "perUnit": null,
                     *               "minAmount": null,
                     *               "amountUnit": null,
                     *               "caps": {
                     *                 "perDay": null,
                     *                 "perMonth": null,
                     *                 "perDayActions": null,
                     *                 "perMonthActions": null
                     *               },
                     *               "oncePer": "{reference}",
                     *               "delayDays": 0,
                     *               "expiry": {
                     *                 "days": 730
                     *               },
                     *               "source": null
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PointsCatalogue"];
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`, `bank`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
                 *       "benefitId": "ben_01a20b48090074969ab4dd08941111f6"
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
                     *       "redemptionId": "red_01a20b480900754ca0f60c1a3044f401",
                     *       "benefit": {
                     *         "id": "ben_01a20b48090074969ab4dd08941111f6",
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
                     *         "id": "ple_01a20b48090072a8bf76f84fa8375663",
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
                     *         "redemptionId": "red_01a20b480900754ca0f60c1a3044f401",
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
            /** @description The caller may not do this: this operation is for a subject token (its own data). Problem types: `forbidden`, `benefit-not-for-holder` */
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
            /** @description The caller may not do this: this operation is for `bureau`, `auditor`. Problem types: `forbidden` */
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
    verifyCredentialPresentation: {
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
                 *       "presentation": "eyJ0eXAiOiJkYytzZC1qd3QiLCJraWQiOiJjaG9uZ21pbmctMjAyNjExMjQtY2UyMTVkZmMiLCJhbGciOiJFZERTQSJ9.eyJpc3MiOiJodHRwOi8vbG9jYWxob3N0L2Rpc3RyaWN0cy9jaG9uZ21pbmciLCJzdWIiOiJ1cm46ZWNvLWNyZWRpdDpzdWJqZWN0OnN1Yl8wMWEyMGI0ODA5MDA3NGUwOGMzMmEyMTQyN2Q5OGYwZSIsImlhdCI6MTc5NTQ4NTYwMCwibmJmIjoxNzk1NDg1NjAwLCJleHAiOjE3OTgwNzc2MDAsImp0aSI6ImNyZF8wMWEyMGI0ODA5MDA3NGZiYmIxNTUzMDIxMzBiMTQyNiIsInZjdCI6InVybjplY28tY3JlZGl0OnZjdDplY28tY3JlZGl0LXJlY29yZDoxIiwiY25mIjp7Imp3ayI6eyJrdHkiOiJPS1AiLCJjcnYiOiJFZDI1NTE5IiwieCI6IlZnd1pSR3VaMi0xaUg5QVA5cXNVWlBpNHVIaWtuVk8wY3dTcnpUY3RiM1UiLCJhbGciOiJFZERTQSJ9fSwic3RhdHVzIjp7InN0YXR1c19saXN0Ijp7ImlkeCI6MzExMDcsInVyaSI6Imh0dHA6Ly9sb2NhbGhvc3QvZGlzdHJpY3RzL2Nob25nbWluZy9zdGF0dXMtbGlzdHMvMSJ9fSwiZGlzdHJpY3QiOiJjaG9uZ21pbmciLCJzdWJqZWN0X2tpbmQiOiJyZXNpZGVudCIsImRpc3BsYXlfaWQiOiIzMTAyMzAqKioqKioqKjEyMzMiLCJydWxlX3NldHMiOlt7ImlkIjoicmVzaWRlbnQtdmlsbGFnZSIsInZlcnNpb24iOjEsImhhc2giOiJzaGEyNTY6M2ZlYzRiYmFkY2U2YWJlYmFmYWIwYTBkOTlkMDhhZDMzYTY5MjQwYWRlNDg2NDRhN2Q2N2JjZTdlMTY5NjY3MSJ9LHsiaWQiOiJyZXNpZGVudC1iZWhhdmlvdXJzIiwidmVyc2lvbiI6MSwiaGFzaCI6InNoYTI1Njo0YWYzODY4NTYzZDU1NTVmMTEwMTRhNDI1NGQwYjQ2ZGI2NTdlMzllZTJhNWYxOTJhMWVmNGMwNmJmYTNhNzAwIn0seyJpZCI6ImRpc3RyaWN0LXBvbGljeSIsInZlcnNpb24iOjEsImhhc2giOiJzaGEyNTY6ZDJkNjM1MWYxZWE5YzhiOTg3MmFjZTg3NzczY2U4NDRkMjBmZDlmZWIyYzM2NjQwOTE3ZjIxYWVmMzRiYzc3NCJ9XSwiX3NkIjpbIjRodjJPS1pEb2QzVUotWTFURVJlTWJIX083YjBnNEhvOVhvWTRsdU5UOWsiLCI5NFpvN2VxTTljTjdUV3NVN29lSlZBUUYteTNrRHVsTG52dzZuTHY1LTYwIiwiTk16RlY3ejRvbXlxM3RhMU51TEdIWVlBQjZmN25iR09UTk9iMTU0ZUtyNCIsIlVueV84TGoxU2hHM2xfLUhJNTNONEhmbDZld2tYMHBQNUVERm5JNGh2UW8iLCJtcVM3UjEyLVlWcTZBbVpOcGp6Y1pNeFlERGcwRGFkVmwyOTlndHZNSDdzIiwibzZZbjNzS212bHFnM005bC1LT0ppUmRaZkFUci0tUUdJbGR1czZRdElobyIsInBhUzFEbVlWa2NWbnhXTjRzelR2b295eW9fQ29qRUJOUjhyUU1wSkRPbUEiLCJ5SXlVb0oxTHo4Ny1yQTZVT0ZnQl9XNU1lcFotcE9RZmJSakIzcWE2V0RBIl0sIl9zZF9hbGciOiJzaGEtMjU2In0.KmCLOYbnG78uQW1TFLt8BnFHgRZlElP57v_yLlQ1sgjC3q37kVY4B8VhgsfM4zW8HrdZEFCmgjKZKo-iqEbICw~WyI5XzBNX1VYd09VcUZ4TTVIUXFMUURRIiwic2NvcmUiLHsic2NvcmVjYXJkIjp7ImlkIjoicmVzaWRlbnQtdmlsbGFnZSIsInZlcnNpb24iOjEsImhhc2giOiJzaGEyNTY6M2ZlYzRiYmFkY2U2YWJlYmFmYWIwYTBkOTlkMDhhZDMzYTY5MjQwYWRlNDg2NDRhN2Q2N2JjZTdlMTY5NjY3MSJ9LCJhc09mIjoiMjAyNi0xMS0yNFQwMjowMDowMC4wMDBaIiwic2NvcmUiOjc5LCJncmFkZSI6ImMiLCJncmFkZUxhYmVsIjoi5LiA6IisIiwic2NvcmVHcmFkZSI6ImMiLCJvdmVycmlkZXMiOltdfV0~eyJ0eXAiOiJrYitqd3QiLCJhbGciOiJFZERTQSJ9.eyJhdWQiOiJjbGlfMDFhMjBiNDgwOTAwN2I3YmIxZTNlYjljNWJmY2U4NGIiLCJub25jZSI6Im4tMDE5M2ExYjJjM2Q0IiwiaWF0IjoxNzk1NTcyMDYwLCJzZF9oYXNoIjoidVRkM0ZLT1ZuUHRhdkgzY2hIMHN2dHp3NFROb1BiWlAtTTNVVDJPdHZPVSJ9.rTkpaHrtleGuaeU3PLp7V1nVvMtoTA12fUvTuFZg8xyz0iIb5p025CJ3jX0bShY7YSG4975_Gt7CENYSMegsBQ",
                 *       "nonce": "n-0193a1b2c3d4"
                 *     }
                 */
                "application/json": components["schemas"]["VerifyCredentialPresentation"];
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
                     *       "disclosed": [
                     *         "score"
                     *       ],
                     *       "claims": {
                     *         "iss": "http://localhost/districts/chongming",
                     *         "sub": "urn:eco-credit:subject:sub_01a20b48090074e08c32a21427d98f0e",
                     *         "iat": 1795485600,
                     *         "nbf": 1795485600,
                     *         "exp": 1798077600,
                     *         "jti": "crd_01a20b48090074fbbb155302130b1426",
                     *         "vct": "urn:eco-credit:vct:eco-credit-record:1",
                     *         "cnf": {
                     *           "jwk": {
                     *             "kty": "OKP",
                     *             "crv": "Ed25519",
                     *             "x": "VgwZRGuZ2-1iH9AP9qsUZPi4uHiknVO0cwSrzTctb3U",
                     *             "alg": "EdDSA"
                     *           }
                     *         },
                     *         "status": {
                     *           "status_list": {
                     *             "idx": 31107,
                     *             "uri": "http://localhost/districts/chongming/status-lists/1"
                     *           }
                     *         },
                     *         "district": "chongming",
                     *         "subject_kind": "resident",
                     *         "display_id": "310230********1233",
                     *         "rule_sets": [
                     *           {
                     *             "id": "resident-village",
                     *             "version": 1,
                     *             "hash": "sha256:3fec4bbadce6abebafab0a0d99d08ad33a69240ade48644a7d67bce7e1696671"
                     *           },
                     *           {
                     *             "id": "resident-behaviours",
                     *             "version": 1,
                     *             "hash": "sha256:4af3868563d5555f11014a4254d0b46db657e39ee2a5f192a1ef4c06bfa3a700"
                     *           },
                     *           {
                     *             "id": "district-policy",
                     *             "version": 1,
                     *             "hash": "sha256:d2d6351f1ea9c8b9872ace87773ce844d20fd9feb2c36640917f21aef34bc774"
                     *           }
                     *         ],
                     *         "score": {
                     *           "scorecard": {
                     *             "id": "resident-village",
                     *             "version": 1,
                     *             "hash": "sha256:3fec4bbadce6abebafab0a0d99d08ad33a69240ade48644a7d67bce7e1696671"
                     *           },
                     *           "asOf": "2026-11-24T02:00:00.000Z",
                     *           "score": 79,
                     *           "grade": "c",
                     *           "gradeLabel": "一般",
                     *           "scoreGrade": "c",
                     *           "overrides": []
                     *         }
                     *       },
                     *       "keyBinding": {
                     *         "aud": "cli_01a20b4809007b7bb1e3eb9c5bfce84b",
                     *         "nonce": "n-0193a1b2c3d4",
                     *         "iat": 1795572060
                     *       },
                     *       "status": {
                     *         "checked": true,
                     *         "status": "valid",
                     *         "uri": "http://localhost/districts/chongming/status-lists/1",
                     *         "idx": 31107,
                     *         "listIssuedAt": "2026-11-25T02:01:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["VerifiedPresentation"];
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
            /** @description The caller may not do this: this operation is for `bureau`, `bank`, `auditor`. Problem types: `forbidden`, `purpose-not-allowed` */
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
            /** @description Well-formed, but the content is not acceptable. Problem types: `status-list-tampered`, `presentation-malformed`, `presentation-wrong-type`, `presentation-unknown-kid`, `presentation-retired-key`, `presentation-bad-signature`, `presentation-expired`, `presentation-not-yet-valid`, `presentation-wrong-issuer`, `presentation-disclosure-not-in-credential`, `presentation-key-binding-missing`, `presentation-key-binding-malformed`, `presentation-key-binding-bad-signature`, `presentation-key-binding-wrong-hash`, `presentation-key-binding-wrong-nonce`, `presentation-key-binding-wrong-audience`, `presentation-key-binding-expired`, `presentation-key-binding-not-yet-valid`, `presentation-revoked`, `presentation-suspended` */
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
            /** @description The caller may not do this: this operation is for `bank`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
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
                     *       "reportId": "rpt_01a20b4809007dae9679ebc0bcf2ac8c",
                     *       "report": "eyJhbGciOiJFZERTQSIsImtpZCI6ImNob25nbWluZy0yMDI2MTEyNC1hMzY3Y2FjMSIsInR5cCI6InZjK2p3dCJ9.eyJAY29udGV4dCI6WyJodHRwczovL3d3dy53My5vcmcvbnMvY3JlZGVudGlhbHMvdjIiXSwidHlwZSI6WyJWZXJpZmlhYmxlQ3JlZGVudGlhbCIsIkVjb0NyZWRpdFJlcG9ydCJdLCJpZCI6InVybjplY28tY3JlZGl0OnJlcG9ydDpycHRfMDFhMjBiNDgwOTAwN2RhZTk2NzllYmMwYmNmMmFjOGMiLCJpc3N1ZXIiOiJodHRwOi8vbG9jYWxob3N0L2Rpc3RyaWN0cy9jaG9uZ21pbmciLCJ2YWxpZEZyb20iOiIyMDI2LTExLTI0VDAyOjAwOjAwLjAwMFoiLCJ2YWxpZFVudGlsIjoiMjAyNi0xMi0yNFQwMjowMDowMC4wMDBaIiwiY3JlZGVudGlhbFN1YmplY3QiOnsiaWQiOiJ1cm46ZWNvLWNyZWRpdDpzdWJqZWN0OnN1Yl8wMWEyMGI0ODA5MDA3YzkwYWZjMDhjZjEzNDRhZDg4YSIsImtpbmQiOiJyZXNpZGVudCIsImRpc3BsYXlJZCI6IjMxMDIzMCoqKioqKioqMTIzMyIsImRpc3RyaWN0IjoiY2hvbmdtaW5nIiwicG9pbnRzU3VtbWFyeSI6eyJiYWxhbmNlIjowLCJwZW5kaW5nIjowfX0sInB1cnBvc2UiOiJndWFyYW50ZWUiLCJzY29wZXMiOlsicG9pbnRzLXN1bW1hcnkiXSwiY2xhaW1zIjpbInBvaW50cy1zdW1tYXJ5Il0sImNvbnNlbnQiOnsiaWQiOiJjb25fMDFhMjBiNDgwOTAwNzQxMmIwNzdiNjUyYzI3NWUzZDciLCJncmFudGVkQXQiOiIyMDI2LTExLTI0VDAyOjAwOjAwLjAwMFoiLCJleHBpcmVzQXQiOiIyMDI3LTAyLTIyVDAyOjAwOjAwLjAwMFoifSwiYXVkaWVuY2VOYW1lIjoiY2hvbmdtaW5nIGJhbmsiLCJydWxlU2V0cyI6W3siaWQiOiJkaXN0cmljdC1wb2xpY3kiLCJ2ZXJzaW9uIjoxLCJoYXNoIjoic2hhMjU2OmQyZDYzNTFmMWVhOWM4Yjk4NzJhY2U4Nzc3M2NlODQ0ZDIwZmQ5ZmViMmMzNjY0MDkxN2YyMWFlZjM0YmM3NzQifV0sInN0YXR1cyI6eyJzdGF0dXNfbGlzdCI6eyJpZHgiOjU4ODY0LCJ1cmkiOiJodHRwOi8vbG9jYWxob3N0L2Rpc3RyaWN0cy9jaG9uZ21pbmcvc3RhdHVzLWxpc3RzLzEifX0sImlzcyI6Imh0dHA6Ly9sb2NhbGhvc3QvZGlzdHJpY3RzL2Nob25nbWluZyIsInN1YiI6InVybjplY28tY3JlZGl0OnN1YmplY3Q6c3ViXzAxYTIwYjQ4MDkwMDdjOTBhZmMwOGNmMTM0NGFkODhhIiwiYXVkIjoiY2xpXzAxYTIwYjQ4MDkwMDc5ZGQ5YzliNGUxNDg5NjU2NDI1IiwiaWF0IjoxNzk1NDg1NjAwLCJuYmYiOjE3OTU0ODU2MDAsImV4cCI6MTc5ODA3NzYwMCwianRpIjoicnB0XzAxYTIwYjQ4MDkwMDdkYWU5Njc5ZWJjMGJjZjJhYzhjIn0.--J7CLqrxRTDLbXF0-IcT08ZYc9VhgOsGcqgPQkL8Rc9-yK7F9xfmZw-wOOgrKtedTuiOu7pZP6SbEzcgiTkBA",
                     *       "kid": "chongming-20261124-a367cac1",
                     *       "issuer": "http://localhost/districts/chongming",
                     *       "issuedAt": "2026-11-24T02:00:00.000Z",
                     *       "expiresAt": "2026-12-24T02:00:00.000Z",
                     *       "consentId": "con_01a20b4809007412b077b652c275e3d7",
                     *       "claims": [
                     *         "points-summary"
                     *       ],
                     *       "status": {
                     *         "idx": 58864,
                     *         "uri": "http://localhost/districts/chongming/status-lists/1"
                     *       },
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
            /** @description The caller may not do this: this operation is for `bank`. Problem types: `forbidden`, `purpose-not-allowed`, `no-consent`, `purpose-not-granted`, `scope-not-granted`, `consent-expired`, `consent-revoked` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
                 *       "report": "eyJhbGciOiJFZERTQSIsImtpZCI6ImNob25nbWluZy0yMDI2MTEyNC01ODhhNzU4ZCIsInR5cCI6InZjK2p3dCJ9.eyJAY29udGV4dCI6WyJodHRwczovL3d3dy53My5vcmcvbnMvY3JlZGVudGlhbHMvdjIiXSwidHlwZSI6WyJWZXJpZmlhYmxlQ3JlZGVudGlhbCIsIkVjb0NyZWRpdFJlcG9ydCJdLCJpZCI6InVybjplY28tY3JlZGl0OnJlcG9ydDpycHRfMDFhMjBiNDgwOTAwNzY3NGEwZWY2ZWE3NjgwOGExNjciLCJpc3N1ZXIiOiJodHRwOi8vbG9jYWxob3N0L2Rpc3RyaWN0cy9jaG9uZ21pbmciLCJ2YWxpZEZyb20iOiIyMDI2LTExLTI0VDAyOjAwOjAwLjAwMFoiLCJ2YWxpZFVudGlsIjoiMjAyNi0xMi0yNFQwMjowMDowMC4wMDBaIiwiY3JlZGVudGlhbFN1YmplY3QiOnsiaWQiOiJ1cm46ZWNvLWNyZWRpdDpzdWJqZWN0OnN1Yl8wMWEyMGI0ODA5MDA3Yjg1YTM3NjY1NDRkN2Y4MzliYyIsImtpbmQiOiJyZXNpZGVudCIsImRpc3BsYXlJZCI6IjMxMDIzMCoqKioqKioqMTIzMyIsImRpc3RyaWN0IjoiY2hvbmdtaW5nIiwiY3JlZGl0Ijp7InNjb3JlY2FyZCI6eyJpZCI6InJlc2lkZW50LXZpbGxhZ2UiLCJ2ZXJzaW9uIjoxLCJoYXNoIjoic2hhMjU2OjNmZWM0YmJhZGNlNmFiZWJhZmFiMGEwZDk5ZDA4YWQzM2E2OTI0MGFkZTQ4NjQ0YTdkNjdiY2U3ZTE2OTY2NzEifSwiYXNPZiI6IjIwMjYtMTEtMjRUMDI6MDA6MDAuMDAwWiIsInNjb3JlIjo3NywiZ3JhZGUiOiJjIiwiZ3JhZGVMYWJlbCI6IuS4gOiIrCIsInNjb3JlR3JhZGUiOiJjIiwib3ZlcnJpZGVzIjpbXSwiaXRlbXMiOlt7InJlYXNvbkNvZGUiOiJuZWdhdGl2ZS1iZWhhdmlvdXIiLCJyZWFzb24iOiLnlJ_mgIHlpLHkv6HooYzkuLrmiaPliIbvvIjov5ExMuS4quaciO-8iSIsInBvaW50cyI6LTMsImV2ZW50cyI6W3siZXZlbnRJZCI6ImV2dF8wMWEyMGI0ODA5MDA3M2M4OGFmZTZjNDI2NWNmZDY1MSIsImNvZGUiOiJJTExFR0FMLURJU0NIQVJHRSIsInRpdGxlIjoi6L-d5rOV5o6S5pS-Iiwib2NjdXJyZWRPbiI6IjIwMjYtMTAtMDEiLCJwb2ludHMiOi0zLCJkaXNwdXRlZCI6ZmFsc2V9XX1dLCJsaXN0cyI6W10sImRpc3B1dGVkIjpbXSwic3RhdGVtZW50cyI6W119LCJxdWVyeUhpc3RvcnkiOnsiYXNPZiI6IjIwMjYtMTEtMjRUMDI6MDA6MDAuMDAwWiIsIndpbmRvd3MiOlt7Im1vbnRocyI6MSwiZnJvbSI6IjIwMjYtMTAtMjUiLCJ0b3RhbCI6MCwiYnlQdXJwb3NlIjp7ImxvYW4tYXBwbGljYXRpb24iOjAsInBvc3QtbG9hbi1tYW5hZ2VtZW50IjowLCJndWFyYW50ZWUiOjAsIm9mZmljaWFsLWR1dGllcyI6MH0sImJ5SW5zdGl0dXRpb24iOnsiYmFuayI6MCwiYWdlbmN5IjowLCJhdWRpdG9yIjowfX0seyJtb250aHMiOjMsImZyb20iOiIyMDI2LTA4LTI1IiwidG90YWwiOjAsImJ5UHVycG9zZSI6eyJsb2FuLWFwcGxpY2F0aW9uIjowLCJwb3N0LWxvYW4tbWFuYWdlbWVudCI6MCwiZ3VhcmFudGVlIjowLCJvZmZpY2lhbC1kdXRpZXMiOjB9LCJieUluc3RpdHV0aW9uIjp7ImJhbmsiOjAsImFnZW5jeSI6MCwiYXVkaXRvciI6MH19LHsibW9udGhzIjo2LCJmcm9tIjoiMjAyNi0wNS0yNSIsInRvdGFsIjowLCJieVB1cnBvc2UiOnsibG9hbi1hcHBsaWNhdGlvbiI6MCwicG9zdC1sb2FuLW1hbmFnZW1lbnQiOjAsImd1YXJhbnRlZSI6MCwib2ZmaWNpYWwtZHV0aWVzIjowfSwiYnlJbnN0aXR1dGlvbiI6eyJiYW5rIjowLCJhZ2VuY3kiOjAsImF1ZGl0b3IiOjB9fSx7Im1vbnRocyI6MTIsImZyb20iOiIyMDI1LTExLTI1IiwidG90YWwiOjAsImJ5UHVycG9zZSI6eyJsb2FuLWFwcGxpY2F0aW9uIjowLCJwb3N0LWxvYW4tbWFuYWdlbWVudCI6MCwiZ3VhcmFudGVlIjowLCJvZmZpY2lhbC1kdXRpZXMiOjB9LCJieUluc3RpdHV0aW9uIjp7ImJhbmsiOjAsImFnZW5jeSI6MCwiYXVkaXRvciI6MH19XX19LCJwdXJwb3NlIjoibG9hbi1hcHBsaWNhdGlvbiIsInNjb3BlcyI6WyJjcmVkaXQiXSwiY2xhaW1zIjpbInNjb3JlIiwiaXRlbXMiLCJsaXN0cyIsImRpc3B1dGVzIiwicXVlcnktaGlzdG9yeSJdLCJjb25zZW50Ijp7ImlkIjoiY29uXzAxYTIwYjQ4MDkwMDczNjBiYTEyYWQ3OGFkOGNiYjk2IiwiZ3JhbnRlZEF0IjoiMjAyNi0xMS0yNFQwMjowMDowMC4wMDBaIiwiZXhwaXJlc0F0IjoiMjAyNy0wMi0yMlQwMjowMDowMC4wMDBaIn0sImF1ZGllbmNlTmFtZSI6ImNob25nbWluZyBiYW5rIiwicnVsZVNldHMiOlt7ImlkIjoicmVzaWRlbnQtdmlsbGFnZSIsInZlcnNpb24iOjEsImhhc2giOiJzaGEyNTY6M2ZlYzRiYmFkY2U2YWJlYmFmYWIwYTBkOTlkMDhhZDMzYTY5MjQwYWRlNDg2NDRhN2Q2N2JjZTdlMTY5NjY3MSJ9LHsiaWQiOiJyZXNpZGVudC1iZWhhdmlvdXJzIiwidmVyc2lvbiI6MSwiaGFzaCI6InNoYTI1Njo0YWYzODY4NTYzZDU1NTVmMTEwMTRhNDI1NGQwYjQ2ZGI2NTdlMzllZTJhNWYxOTJhMWVmNGMwNmJmYTNhNzAwIn0seyJpZCI6ImRpc3RyaWN0LXBvbGljeSIsInZlcnNpb24iOjEsImhhc2giOiJzaGEyNTY6ZDJkNjM1MWYxZWE5YzhiOTg3MmFjZTg3NzczY2U4NDRkMjBmZDlmZWIyYzM2NjQwOTE3ZjIxYWVmMzRiYzc3NCJ9XSwic3RhdHVzIjp7InN0YXR1c19saXN0Ijp7ImlkeCI6NzAyMSwidXJpIjoiaHR0cDovL2xvY2FsaG9zdC9kaXN0cmljdHMvY2hvbmdtaW5nL3N0YXR1cy1saXN0cy8xIn19LCJpc3MiOiJodHRwOi8vbG9jYWxob3N0L2Rpc3RyaWN0cy9jaG9uZ21pbmciLCJzdWIiOiJ1cm46ZWNvLWNyZWRpdDpzdWJqZWN0OnN1Yl8wMWEyMGI0ODA5MDA3Yjg1YTM3NjY1NDRkN2Y4MzliYyIsImF1ZCI6ImNsaV8wMWEyMGI0ODA5MDA3Y2U5YTZkODY1NjM5Y2U3YzA1YSIsImlhdCI6MTc5NTQ4NTYwMCwibmJmIjoxNzk1NDg1NjAwLCJleHAiOjE3OTgwNzc2MDAsImp0aSI6InJwdF8wMWEyMGI0ODA5MDA3Njc0YTBlZjZlYTc2ODA4YTE2NyJ9.oVY98VmqakKDDdVYmPxRLWRM89oJ18hiTtUJKVPHP8_6nHBkm5mncL0JC0YIe6LY45fpJ0vMOcOeeVWFKtmfAg"
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
                     *       "verifiedWith": "district-keys",
                     *       "header": {
                     *         "alg": "EdDSA",
                     *         "kid": "chongming-20261124-588a758d",
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
                     *         "id": "urn:eco-credit:report:rpt_01a20b4809007674a0ef6ea76808a167",
                     *         "issuer": "http://localhost/districts/chongming",
                     *         "validFrom": "2026-11-24T02:00:00.000Z",
                     *         "validUntil": "2026-12-24T02:00:00.000Z",
                     *         "credentialSubject": {
                     *           "id": "urn:eco-credit:subject:sub_01a20b4809007b85a3766544d7f839bc",
                     *           "kind": "resident",
                     *           "displayId": "310230********1233",
                     *           "district": "chongming",
                     *           "credit": {
                     *             "scorecard": {
                     *               "id": "resident-village",
                     *               "version": 1,
                     *               "hash": "sha256:3fec4bbadce6abebafab0a0d99d08ad33a69240ade48644a7d67bce7e1696671"
                     *             },
                     *             "asOf": "2026-11-24T02:00:00.000Z",
                     *             "score": 77,
                     *             "grade": "c",
                     *             "gradeLabel": "一般",
                     *             "scoreGrade": "c",
                     *             "overrides": [],
                     *             "items": [
                     *               {
                     *                 "reasonCode": "negative-behaviour",
                     *                 "reason": "生态失信行为扣分（近12个月）",
                     *                 "points": -3,
                     *                 "events": [
                     *                   {
                     *                     "eventId": "evt_01a20b48090073c88afe6c4265cfd651",
                     *                     "code": "ILLEGAL-DISCHARGE",
                     *                     "title": "违法排放",
                     *                     "occurredOn": "2026-10-01",
                     *                     "points": -3,
                     *                     "disputed": false
                     *                   }
                     *                 ]
                     *               }
                     *             ],
                     *             "lists": [],
                     *             "disputed": [],
                     *             "statements": []
                     *           },
                     *           "queryHistory": {
                     *             "asOf": "2026-11-24T02:00:00.000Z",
                     *             "windows": [
                     *               {
                     *                 "months": 1,
                     *                 "from": "2026-10-25",
                     *                 "total": 0,
                     *                 "byPurpose": {
                     *                   "loan-application": 0,
                     *                   "post-loan-management": 0,
                     *                   "guarantee": 0,
                     *                   "official-duties": 0
                     *                 },
                     *                 "byInstitution": {
                     *                   "bank": 0,
                     *                   "agency": 0,
                     *                   "auditor": 0
                     *                 }
                     *               },
                     *               {
                     *                 "months": 3,
                     *                 "from": "2026-08-25",
                     *                 "total": 0,
                     *                 "byPurpose": {
                     *                   "loan-application": 0,
                     *                   "post-loan-management": 0,
                     *                   "guarantee": 0,
                     *                   "official-duties": 0
                     *                 },
                     *                 "byInstitution": {
                     *                   "bank": 0,
                     *                   "agency": 0,
                     *                   "auditor": 0
                     *                 }
                     *               },
                     *               {
                     *                 "months": 6,
                     *                 "from": "2026-05-25",
                     *                 "total": 0,
                     *                 "byPurpose": {
                     *                   "loan-application": 0,
                     *                   "post-loan-management": 0,
                     *                   "guarantee": 0,
                     *                   "official-duties": 0
                     *                 },
                     *                 "byInstitution": {
                     *                   "bank": 0,
                     *                   "agency": 0,
                     *                   "auditor": 0
                     *                 }
                     *               },
                     *               {
                     *                 "months": 12,
                     *                 "from": "2025-11-25",
                     *                 "total": 0,
                     *                 "byPurpose": {
                     *                   "loan-application": 0,
                     *                   "post-loan-management": 0,
                     *                   "guarantee": 0,
                     *                   "official-duties": 0
                     *                 },
                     *                 "byInstitution": {
                     *                   "bank": 0,
                     *                   "agency": 0,
                     *                   "auditor": 0
                     *                 }
                     *               }
                     *             ]
                     *           }
                     *         },
                     *         "purpose": "loan-application",
                     *         "scopes": [
                     *           "credit"
                     *         ],
                     *         "claims": [
                     *           "score",
                     *           "items",
                     *           "lists",
                     *           "disputes",
                     *           "query-history"
                     *         ],
                     *         "consent": {
                     *           "id": "con_01a20b4809007360ba12ad78ad8cbb96",
                     *           "grantedAt": "2026-11-24T02:00:00.000Z",
                     *           "expiresAt": "2027-02-22T02:00:00.000Z"
                     *         },
                     *         "audienceName": "chongming bank",
                     *         "ruleSets": [
                     *           {
                     *             "id": "resident-village",
                     *             "version": 1,
                     *             "hash": "sha256:3fec4bbadce6abebafab0a0d99d08ad33a69240ade48644a7d67bce7e1696671"
                     *           },
                     *           {
                     *             "id": "resident-behaviours",
                     *             "version": 1,
                     *             "hash": "sha256:4af3868563d5555f11014a4254d0b46db657e39ee2a5f192a1ef4c06bfa3a700"
                     *           },
                     *           {
                     *             "id": "district-policy",
                     *             "version": 1,
                     *             "hash": "sha256:d2d6351f1ea9c8b9872ace87773ce844d20fd9feb2c36640917f21aef34bc774"
                     *           }
                     *         ],
                     *         "status": {
                     *           "status_list": {
                     *             "idx": 7021,
                     *             "uri": "http://localhost/districts/chongming/status-lists/1"
                     *           }
                     *         },
                     *         "iss": "http://localhost/districts/chongming",
                     *         "sub": "urn:eco-credit:subject:sub_01a20b4809007b85a3766544d7f839bc",
                     *         "aud": "cli_01a20b4809007ce9a6d865639ce7c05a",
                     *         "iat": 1795485600,
                     *         "nbf": 1795485600,
                     *         "exp": 1798077600,
                     *         "jti": "rpt_01a20b4809007674a0ef6ea76808a167"
                     *       },
                     *       "status": {
                     *         "checked": true,
                     *         "status": "valid",
                     *         "uri": "http://localhost/districts/chongming/status-lists/1",
                     *         "idx": 7021,
                     *         "listIssuedAt": "2026-11-24T02:00:00.000Z"
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
            /** @description The caller may not do this: this operation is for `bureau`, `bank`, `auditor`. Problem types: `forbidden` */
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
            /** @description Well-formed, but the content is not acceptable. Problem types: `report-malformed`, `report-unknown-kid`, `report-bad-signature`, `report-expired`, `report-not-yet-valid`, `report-wrong-audience`, `report-wrong-issuer`, `report-wrong-type`, `report-not-published-key`, `report-retired-key`, `report-revoked`, `report-suspended`, `status-list-tampered` */
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
    listRescoreJobs: {
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
            /** @description Jobs */
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
                        items: components["schemas"]["RescoreJob"][];
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
            /** @description The caller may not do this: this operation is for `bureau`, `auditor`. Problem types: `forbidden` */
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
    startRescore: {
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
                "application/json": components["schemas"]["StartRescore"];
            };
        };
        responses: {
            /** @description Started; follow it at the Location given */
            202: {
                headers: {
                    /** @description The job, for getRescoreJob */
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "rsj_01a20b4809007093a5d2593ec95ea400",
                     *       "status": "running",
                     *       "asOf": "2026-11-24T02:00:00.000Z",
                     *       "scorecardId": "resident-carbon-account",
                     *       "progress": {
                     *         "subjectsTotal": 5,
                     *         "subjectsDone": 0,
                     *         "eventsDone": 0
                     *       },
                     *       "results": [
                     *         {
                     *           "subjectKind": "resident",
                     *           "ruleSets": {
                     *             "scorecard": {
                     *               "id": "resident-carbon-account",
                     *               "version": 1,
                     *               "hash": "sha256:2f7bddcbf461bfd8cbaab509b4187c13f443656e6c59ad6a9dfc830f45040877"
                     *             },
                     *             "behaviourList": {
                     *               "id": "resident-behaviours",
                     *               "version": 1,
                     *               "hash": "sha256:4af3868563d5555f11014a4254d0b46db657e39ee2a5f192a1ef4c06bfa3a700"
                     *             }
                     *           },
                     *           "subjects": 0,
                     *           "grades": {}
                     *         }
                     *       ],
                     *       "error": null,
                     *       "createdAt": "2026-11-24T02:00:00.000Z",
                     *       "updatedAt": "2026-11-24T02:00:00.000Z",
                     *       "finishedAt": null
                     *     }
                     */
                    "application/json": components["schemas"]["RescoreJob"];
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
            /** @description The caller may not do this: this operation is for `bureau`. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
    getRescoreJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                /** @example rsj_01a20b4809007093a5d2593ec95ea400 */
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "rsj_01a20b4809007093a5d2593ec95ea400",
                     *       "status": "running",
                     *       "asOf": "2026-11-24T02:00:00.000Z",
                     *       "scorecardId": "resident-carbon-account",
                     *       "progress": {
                     *         "subjectsTotal": 5,
                     *         "subjectsDone": 0,
                     *         "eventsDone": 0
                     *       },
                     *       "results": [
                     *         {
                     *           "subjectKind": "resident",
                     *           "ruleSets": {
                     *             "scorecard": {
                     *               "id": "resident-carbon-account",
                     *               "version": 1,
                     *               "hash": "sha256:2f7bddcbf461bfd8cbaab509b4187c13f443656e6c59ad6a9dfc830f45040877"
                     *             },
                     *             "behaviourList": {
                     *               "id": "resident-behaviours",
                     *               "version": 1,
                     *               "hash": "sha256:4af3868563d5555f11014a4254d0b46db657e39ee2a5f192a1ef4c06bfa3a700"
                     *             }
                     *           },
                     *           "subjects": 0,
                     *           "grades": {}
                     *         }
                     *       ],
                     *       "error": null,
                     *       "createdAt": "2026-11-24T02:00:00.000Z",
                     *       "updatedAt": "2026-11-24T02:00:00.000Z",
                     *       "finishedAt": null
                     *     }
                     */
                    "application/json": components["schemas"]["RescoreJob"];
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
            /** @description The caller may not do this: this operation is for `bureau`, `auditor`. Problem types: `forbidden` */
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
    getRuleSetVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                /** @example rsv_01a20b48090076e18440259e8e95cfc3 */
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`, `bank`, `auditor`. Problem types: `forbidden` */
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
                /** @example rsv_01a20b4809007b48bfc4afcb5e1cc7c6 */
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
                     *       "versionId": "rsv_01a20b4809007b48bfc4afcb5e1cc7c6",
                     *       "ruleSetId": "payments",
                     *       "hash": "sha256:ced40f64f9529cb53afadc335424d9e47d52e05931b82b361ab40e205570f3af",
                     *       "status": "published",
                     *       "effectiveFrom": "2026-11-24",
                     *       "publishedAt": "2026-11-24T02:00:00.000Z",
                     *       "publishedBy": "cli_01a20b4809007009a341b8dc0478bd82",
                     *       "warnings": []
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
                        /** @description What the publication leaves in force that can no longer do its work, e.g. a behaviour list no scorecard reads */
                        warnings: string[];
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
            /** @description The caller may not do this: this operation is for `bureau`. Problem types: `forbidden` */
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
            /** @description Well-formed, but the content is not acceptable. Problem types: `publication-date-contradicts-file` */
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
    simulateRuleSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                districtId: string;
                /** @example rsv_01a20b480900744c9c0010a989263b3b */
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
                 *         "fund": "10000.02",
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
                     *           "text": "0.01 yuan",
                     *           "method": "largest-remainder",
                     *           "tieBreak": "larger remainder first; equal remainders by recipient id, ascending"
                     *         },
                     *         "ruleSet": {
                     *           "id": "town-eco-fund",
                     *           "version": 1,
                     *           "hash": "sha256:0ae9c2a49de532d25fa369b73edcbd115d02e8a1fdcf8f1af697294b5728176f"
                     *         },
                     *         "fund": "10000.02",
                     *         "total": "10000.02",
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
                     *                 "before": "1829.28",
                     *                 "after": "1829.28"
                     *               },
                     *               {
                     *                 "name": "rebalance",
                     *                 "before": "1829.28",
                     *                 "after": "1951.02"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "1951.0230849184910846",
                     *             "amount": "1951.02"
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
                     *                 "before": "2388.61",
                     *                 "after": "2388.61"
                     *               },
                     *               {
                     *                 "name": "rebalance",
                     *                 "before": "2388.61",
                     *                 "after": "2547.58"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "2547.5793441121985509",
                     *             "amount": "2547.58"
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
                     *                 "before": "3436.81",
                     *                 "after": "3436.81"
                     *               },
                     *               {
                     *                 "name": "cap",
                     *                 "before": "3436.81",
                     *                 "after": "3000.01",
                     *                 "note": "cut to the cap 3000.01"
                     *               }
                     *             ],
                     *             "constrained": "cap",
                     *             "exact": "3000.006",
                     *             "amount": "3000.01"
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
                     *                 "before": "2345.32",
                     *                 "after": "2345.32"
                     *               },
                     *               {
                     *                 "name": "rebalance",
                     *                 "before": "2345.32",
                     *                 "after": "2501.41"
                     *               }
                     *             ],
                     *             "constrained": null,
                     *             "exact": "2501.4115709693103645",
                     *             "amount": "2501.41"
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
            /** @description The caller may not do this: this operation is for `bureau`. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
            /** @description The caller may not do this: this operation is for `bureau`. Problem types: `forbidden` */
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
            /** @description Well-formed, but the content is not acceptable. Problem types: `rule-file-invalid`, `rule-examples-failed` */
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
                 *       "candidateVersionId": "rsv_01a20b48090073199416d1b6b685de8d"
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
                     *         "versionId": "rsv_01a20b48090072659c5773ee0f66cb73",
                     *         "hash": "sha256:0ae9c2a49de532d25fa369b73edcbd115d02e8a1fdcf8f1af697294b5728176f",
                     *         "status": "published"
                     *       },
                     *       "candidate": {
                     *         "versionId": "rsv_01a20b48090073199416d1b6b685de8d",
                     *         "hash": "sha256:4469dd7cd3f53be90fd976b7f08284ebc0fab9d28bb9b948fa7e3cb450b073f1",
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
                     *           "mean": "6000000.00",
                     *           "median": "6500649.80",
                     *           "gini": 0.237328
                     *         },
                     *         "after": {
                     *           "mean": "6000000.00",
                     *           "median": "6279688.49",
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
                     *           "text": "0.01 yuan",
                     *           "method": "largest-remainder",
                     *           "tieBreak": "larger remainder first; equal remainders by recipient id, ascending"
                     *         },
                     *         "ruleSet": {
                     *           "id": "town-eco-fund",
                     *           "version": 1,
                     *           "hash": "sha256:0ae9c2a49de532d25fa369b73edcbd115d02e8a1fdcf8f1af697294b5728176f"
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
                     *           "text": "0.01 yuan",
                     *           "method": "largest-remainder",
                     *           "tieBreak": "larger remainder first; equal remainders by recipient id, ascending"
                     *         },
                     *         "ruleSet": {
                     *           "id": "town-eco-fund",
                     *           "version": 2,
                     *           "hash": "sha256:4469dd7cd3f53be90fd976b7f08284ebc0fab9d28bb9b948fa7e3cb450b073f1"
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
            /** @description The caller may not do this: this operation is for `bureau`, `auditor`. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
                     *         "hash": "sha256:61100247f8ca0e46e59c9addbf1fec000719715ce0d462f7a519a8bc2a867576"
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
            /** @description The caller may not do this: this operation is for `bureau`. Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
                     *       "items": []
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
            /** @description The caller may not do this: this operation is for `bureau`, `auditor`. Problem types: `forbidden` */
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
    testRuleSet: {
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
            /** @description The examples, each passed or not */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ruleSetId": "firm-behaviours",
                     *       "kind": "behaviour-list",
                     *       "version": 1,
                     *       "hash": "sha256:7f64d9fe139aa8dc810ee9fee7cef4bd684d2ac07d0177b65756a97ff62501d1",
                     *       "passed": true,
                     *       "examples": [
                     *         {
                     *           "name": "环境行政处罚扣5分",
                     *           "origin": "file",
                     *           "passed": true,
                     *           "got": {
                     *             "points": -5
                     *           },
                     *           "differences": []
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["RuleSetTest"];
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
            /** @description The caller may not do this: this operation is for `bureau`. Problem types: `forbidden` */
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
                     *       "ruleSetId": "x",
                     *       "kind": "allocation",
                     *       "version": 1,
                     *       "hash": "sha256:326299783e5e2fccd9b762a142539da79a9f22d7023c7b974c88c947926c8758"
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
            /** @description The caller may not do this: this operation is for `bureau`. Problem types: `forbidden` */
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
            /** @description Well-formed, but the content is not acceptable. Problem types: `rule-file-invalid`, `rule-examples-failed` */
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
            /** @description The caller may not do this: this operation is for `bureau`, `auditor`. Problem types: `forbidden` */
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`. Problem types: `forbidden` */
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
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
                /** @example evt_01a2106e65007479b51ad1982aa8b803 */
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
                     *       "id": "evt_01a21594c10077aa81137455f38a190c",
                     *       "subjectId": "sub_01a20b4809007b649e61d2911eba5978",
                     *       "code": "INCIDENT-MAJOR",
                     *       "title": null,
                     *       "occurredOn": "2026-11-20",
                     *       "endedOn": null,
                     *       "recordedAt": "2026-11-26T02:00:00.000Z",
                     *       "agency": "生态环境局",
                     *       "evidence": "更正",
                     *       "amounts": [],
                     *       "note": "误报",
                     *       "reversesEventId": "evt_01a2106e65007479b51ad1982aa8b803",
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`. Problem types: `forbidden` */
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
                     *         "id": "sub_01a20b48090078fa8d10806d330f5de0",
                     *         "districtId": "chongming",
                     *         "kind": "firm",
                     *         "displayId": "91310230MA1K2B3C4P",
                     *         "name": "测试企业",
                     *         "regionCode": "310230",
                     *         "createdAt": "2026-11-24T02:00:00.000Z"
                     *       },
                     *       "asOf": "2026-11-24T02:00:00.000Z",
                     *       "primary": true,
                     *       "baseScore": 100,
                     *       "score": 100,
                     *       "grade": "green",
                     *       "gradeLabel": "诚信",
                     *       "scoreGrade": "green",
                     *       "items": [],
                     *       "overrides": [],
                     *       "stoppedCounting": [],
                     *       "lists": [],
                     *       "disputed": [],
                     *       "statements": [],
                     *       "ruleSets": {
                     *         "scorecard": {
                     *           "id": "firm-env-credit",
                     *           "version": 1,
                     *           "hash": "sha256:61100247f8ca0e46e59c9addbf1fec000719715ce0d462f7a519a8bc2a867576"
                     *         },
                     *         "behaviourList": {
                     *           "id": "firm-behaviours",
                     *           "version": 1,
                     *           "hash": "sha256:78224062c915be4d6ad60e5607375d919a66f7611dd77f2d0db2a514212900b5"
                     *         }
                     *       },
                     *       "scorecards": [
                     *         {
                     *           "asOf": "2026-11-24T02:00:00.000Z",
                     *           "primary": true,
                     *           "baseScore": 100,
                     *           "score": 100,
                     *           "grade": "green",
                     *           "gradeLabel": "诚信",
                     *           "scoreGrade": "green",
                     *           "items": [],
                     *           "overrides": [],
                     *           "stoppedCounting": [],
                     *           "lists": [],
                     *           "disputed": [],
                     *           "statements": [],
                     *           "ruleSets": {
                     *             "scorecard": {
                     *               "id": "firm-env-credit",
                     *               "version": 1,
                     *               "hash": "sha256:61100247f8ca0e46e59c9addbf1fec000719715ce0d462f7a519a8bc2a867576"
                     *             },
                     *             "behaviourList": {
                     *               "id": "firm-behaviours",
                     *               "version": 1,
                     *               "hash": "sha256:78224062c915be4d6ad60e5607375d919a66f7611dd77f2d0db2a514212900b5"
                     *             }
                     *           }
                     *         }
                     *       ]
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
                     *         "id": "sub_01a20b4809007a8fb9865d18f0b17593",
                     *         "districtId": "chongming",
                     *         "kind": "firm",
                     *         "displayId": "91310230MA1H5G6L7G",
                     *         "name": "测试企业",
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
            /** @description The caller may not do this: this operation is for `bureau`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
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
    getPointsBalance: {
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
            /** @description The balance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "holderId": "sub_01a20b48090075c9896486565a16f833",
                     *       "balance": 0,
                     *       "pending": 0,
                     *       "asOf": "2026-11-24"
                     *     }
                     */
                    "application/json": components["schemas"]["PointsBalance"];
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
            /** @description The caller may not do this: this operation is for `bureau`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
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
                /** @description asc: oldest first; desc: newest first */
                order?: "asc" | "desc";
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
                     *       "items": [],
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
            /** @description The caller may not do this: this operation is for `bureau`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
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
    listPointsSources: {
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
            /** @description Sources */
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
                        items: {
                            actions: string[];
                            changedAt: string | null;
                            enabled: boolean;
                            source: string;
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
            /** @description The caller may not do this: this operation is for `bureau`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district. Problem types: `not-found`, `rule-not-in-force` */
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
            /** @description The caller may not do this: this operation is for a subject token (its own data). Problem types: `forbidden` */
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`, `auditor`. Problem types: `forbidden` */
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
    listUnits: {
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
            /** @description The vocabulary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "units": [
                     *         {
                     *           "code": "yuan",
                     *           "zh": "元",
                     *           "aliases": [
                     *             "CNY",
                     *             "人民币元"
                     *           ],
                     *           "dimension": "yuan",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "人民币元"
                     *         },
                     *         {
                     *           "code": "mm",
                     *           "zh": "毫米",
                     *           "aliases": [],
                     *           "dimension": "m",
                     *           "scale": "0.001",
                     *           "prefixable": false,
                     *           "description": "millimetre (precipitation, runoff, evapotranspiration depth)"
                     *         },
                     *         {
                     *           "code": "cm",
                     *           "zh": "厘米",
                     *           "aliases": [],
                     *           "dimension": "m",
                     *           "scale": "0.01",
                     *           "prefixable": false,
                     *           "description": "centimetre"
                     *         },
                     *         {
                     *           "code": "m",
                     *           "zh": "米",
                     *           "aliases": [],
                     *           "dimension": "m",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "metre"
                     *         },
                     *         {
                     *           "code": "km",
                     *           "zh": "千米",
                     *           "aliases": [
                     *             "公里"
                     *           ],
                     *           "dimension": "m",
                     *           "scale": "1000",
                     *           "prefixable": true,
                     *           "description": "kilometre"
                     *         },
                     *         {
                     *           "code": "m2",
                     *           "zh": "平方米",
                     *           "aliases": [
                     *             "m²",
                     *             "m^2"
                     *           ],
                     *           "dimension": "m2",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "square metre"
                     *         },
                     *         {
                     *           "code": "mu",
                     *           "zh": "亩",
                     *           "aliases": [],
                     *           "dimension": "m2",
                     *           "scale": "10000/15",
                     *           "prefixable": true,
                     *           "description": "亩 = 10000/15 m² exactly (15 亩 = 1 公顷)"
                     *         },
                     *         {
                     *           "code": "ha",
                     *           "zh": "公顷",
                     *           "aliases": [
                     *             "hm2",
                     *             "hm²",
                     *             "hm^2"
                     *           ],
                     *           "dimension": "m2",
                     *           "scale": "10000",
                     *           "prefixable": true,
                     *           "description": "hectare = hm² = 10 000 m²"
                     *         },
                     *         {
                     *           "code": "km2",
                     *           "zh": "平方千米",
                     *           "aliases": [
                     *             "km²",
                     *             "km^2",
                     *             "平方公里"
                     *           ],
                     *           "dimension": "m2",
                     *           "scale": "1000000",
                     *           "prefixable": true,
                     *           "description": "square kilometre"
                     *         },
                     *         {
                     *           "code": "L",
                     *           "zh": "升",
                     *           "aliases": [],
                     *           "dimension": "m3",
                     *           "scale": "0.001",
                     *           "prefixable": true,
                     *           "description": "litre"
                     *         },
                     *         {
                     *           "code": "m3",
                     *           "zh": "立方米",
                     *           "aliases": [
                     *             "m³",
                     *             "m^3",
                     *             "方"
                     *           ],
                     *           "dimension": "m3",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "cubic metre"
                     *         },
                     *         {
                     *           "code": "g",
                     *           "zh": "克",
                     *           "aliases": [],
                     *           "dimension": "t",
                     *           "scale": "0.000001",
                     *           "prefixable": true,
                     *           "description": "gram, of anything (products, soil, sediment)"
                     *         },
                     *         {
                     *           "code": "kg",
                     *           "zh": "千克",
                     *           "aliases": [
                     *             "公斤"
                     *           ],
                     *           "dimension": "t",
                     *           "scale": "0.001",
                     *           "prefixable": true,
                     *           "description": "kilogram, of anything"
                     *         },
                     *         {
                     *           "code": "t",
                     *           "zh": "吨",
                     *           "aliases": [],
                     *           "dimension": "t",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "tonne, of anything (products, soil, sediment)"
                     *         },
                     *         {
                     *           "code": "t-C",
                     *           "zh": "吨碳",
                     *           "aliases": [
                     *             "t C",
                     *             "tC"
                     *           ],
                     *           "dimension": "t-C",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "tonnes of carbon: not tonnes of CO2 (× 44/12 t-CO2/t-C)"
                     *         },
                     *         {
                     *           "code": "kg-C",
                     *           "zh": "千克碳",
                     *           "aliases": [
                     *             "kg C",
                     *             "kgC"
                     *           ],
                     *           "dimension": "t-C",
                     *           "scale": "0.001",
                     *           "prefixable": true,
                     *           "description": "tonnes of carbon: not tonnes of CO2 (× 44/12 t-CO2/t-C)"
                     *         },
                     *         {
                     *           "code": "g-C",
                     *           "zh": "克碳",
                     *           "aliases": [
                     *             "g C"
                     *           ],
                     *           "dimension": "t-C",
                     *           "scale": "0.000001",
                     *           "prefixable": true,
                     *           "description": "tonnes of carbon: not tonnes of CO2 (× 44/12 t-CO2/t-C)"
                     *         },
                     *         {
                     *           "code": "t-CO2",
                     *           "zh": "吨二氧化碳",
                     *           "aliases": [
                     *             "t CO2",
                     *             "tCO2"
                     *           ],
                     *           "dimension": "t-CO2",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "tonnes of CO2"
                     *         },
                     *         {
                     *           "code": "kg-CO2",
                     *           "zh": "千克二氧化碳",
                     *           "aliases": [
                     *             "kg CO2",
                     *             "kgCO2"
                     *           ],
                     *           "dimension": "t-CO2",
                     *           "scale": "0.001",
                     *           "prefixable": true,
                     *           "description": "tonnes of CO2"
                     *         },
                     *         {
                     *           "code": "g-CO2",
                     *           "zh": "克二氧化碳",
                     *           "aliases": [
                     *             "g CO2"
                     *           ],
                     *           "dimension": "t-CO2",
                     *           "scale": "0.000001",
                     *           "prefixable": true,
                     *           "description": "tonnes of CO2"
                     *         },
                     *         {
                     *           "code": "t-CO2e",
                     *           "zh": "吨二氧化碳当量",
                     *           "aliases": [
                     *             "t CO2e",
                     *             "tCO2e",
                     *             "t-co2e"
                     *           ],
                     *           "dimension": "t-CO2",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "tonnes of CO2 equivalent: the same dimension as CO2"
                     *         },
                     *         {
                     *           "code": "kg-CO2e",
                     *           "zh": "千克二氧化碳当量",
                     *           "aliases": [
                     *             "kg CO2e",
                     *             "kgCO2e"
                     *           ],
                     *           "dimension": "t-CO2",
                     *           "scale": "0.001",
                     *           "prefixable": true,
                     *           "description": "tonnes of CO2 equivalent: the same dimension as CO2"
                     *         },
                     *         {
                     *           "code": "g-CO2e",
                     *           "zh": "克二氧化碳当量",
                     *           "aliases": [
                     *             "g CO2e"
                     *           ],
                     *           "dimension": "t-CO2",
                     *           "scale": "0.000001",
                     *           "prefixable": true,
                     *           "description": "tonnes of CO2 equivalent: the same dimension as CO2"
                     *         },
                     *         {
                     *           "code": "kg-co2e",
                     *           "zh": "千克二氧化碳当量",
                     *           "aliases": [],
                     *           "dimension": "t-CO2",
                     *           "scale": "0.001",
                     *           "prefixable": true,
                     *           "description": "kilograms of CO2 equivalent (carbon accounts)"
                     *         },
                     *         {
                     *           "code": "t-O2",
                     *           "zh": "吨氧气",
                     *           "aliases": [
                     *             "t O2",
                     *             "tO2"
                     *           ],
                     *           "dimension": "t-O2",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "tonnes of oxygen"
                     *         },
                     *         {
                     *           "code": "kg-O2",
                     *           "zh": "千克氧气",
                     *           "aliases": [
                     *             "kg O2",
                     *             "kgO2"
                     *           ],
                     *           "dimension": "t-O2",
                     *           "scale": "0.001",
                     *           "prefixable": true,
                     *           "description": "tonnes of oxygen"
                     *         },
                     *         {
                     *           "code": "g-O2",
                     *           "zh": "克氧气",
                     *           "aliases": [
                     *             "g O2"
                     *           ],
                     *           "dimension": "t-O2",
                     *           "scale": "0.000001",
                     *           "prefixable": true,
                     *           "description": "tonnes of oxygen"
                     *         },
                     *         {
                     *           "code": "t-dm",
                     *           "zh": "吨干物质",
                     *           "aliases": [
                     *             "t dm",
                     *             "tdm"
                     *           ],
                     *           "dimension": "t-dm",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "tonnes of dry matter (net primary productivity, NPP)"
                     *         },
                     *         {
                     *           "code": "kg-dm",
                     *           "zh": "千克干物质",
                     *           "aliases": [
                     *             "kg dm",
                     *             "kgdm"
                     *           ],
                     *           "dimension": "t-dm",
                     *           "scale": "0.001",
                     *           "prefixable": true,
                     *           "description": "tonnes of dry matter (net primary productivity, NPP)"
                     *         },
                     *         {
                     *           "code": "g-dm",
                     *           "zh": "克干物质",
                     *           "aliases": [
                     *             "g dm"
                     *           ],
                     *           "dimension": "t-dm",
                     *           "scale": "0.000001",
                     *           "prefixable": true,
                     *           "description": "tonnes of dry matter (net primary productivity, NPP)"
                     *         },
                     *         {
                     *           "code": "t-N",
                     *           "zh": "吨氮",
                     *           "aliases": [
                     *             "t N",
                     *             "tN",
                     *             "t-TN"
                     *           ],
                     *           "dimension": "t-N",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "tonnes of nitrogen (total nitrogen, TN)"
                     *         },
                     *         {
                     *           "code": "kg-N",
                     *           "zh": "千克氮",
                     *           "aliases": [
                     *             "kg N",
                     *             "kgN"
                     *           ],
                     *           "dimension": "t-N",
                     *           "scale": "0.001",
                     *           "prefixable": true,
                     *           "description": "tonnes of nitrogen (total nitrogen, TN)"
                     *         },
                     *         {
                     *           "code": "g-N",
                     *           "zh": "克氮",
                     *           "aliases": [
                     *             "g N"
                     *           ],
                     *           "dimension": "t-N",
                     *           "scale": "0.000001",
                     *           "prefixable": true,
                     *           "description": "tonnes of nitrogen (total nitrogen, TN)"
                     *         },
                     *         {
                     *           "code": "t-P",
                     *           "zh": "吨磷",
                     *           "aliases": [
                     *             "t P",
                     *             "tP",
                     *             "t-TP"
                     *           ],
                     *           "dimension": "t-P",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "tonnes of phosphorus (total phosphorus, TP)"
                     *         },
                     *         {
                     *           "code": "kg-P",
                     *           "zh": "千克磷",
                     *           "aliases": [
                     *             "kg P",
                     *             "kgP"
                     *           ],
                     *           "dimension": "t-P",
                     *           "scale": "0.001",
                     *           "prefixable": true,
                     *           "description": "tonnes of phosphorus (total phosphorus, TP)"
                     *         },
                     *         {
                     *           "code": "g-P",
                     *           "zh": "克磷",
                     *           "aliases": [
                     *             "g P"
                     *           ],
                     *           "dimension": "t-P",
                     *           "scale": "0.000001",
                     *           "prefixable": true,
                     *           "description": "tonnes of phosphorus (total phosphorus, TP)"
                     *         },
                     *         {
                     *           "code": "t-SO2",
                     *           "zh": "吨二氧化硫",
                     *           "aliases": [
                     *             "t SO2",
                     *             "tSO2"
                     *           ],
                     *           "dimension": "t-SO2",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "tonnes of sulphur dioxide"
                     *         },
                     *         {
                     *           "code": "kg-SO2",
                     *           "zh": "千克二氧化硫",
                     *           "aliases": [
                     *             "kg SO2",
                     *             "kgSO2"
                     *           ],
                     *           "dimension": "t-SO2",
                     *           "scale": "0.001",
                     *           "prefixable": true,
                     *           "description": "tonnes of sulphur dioxide"
                     *         },
                     *         {
                     *           "code": "g-SO2",
                     *           "zh": "克二氧化硫",
                     *           "aliases": [
                     *             "g SO2"
                     *           ],
                     *           "dimension": "t-SO2",
                     *           "scale": "0.000001",
                     *           "prefixable": true,
                     *           "description": "tonnes of sulphur dioxide"
                     *         },
                     *         {
                     *           "code": "t-NOx",
                     *           "zh": "吨氮氧化物",
                     *           "aliases": [
                     *             "t NOx",
                     *             "tNOx"
                     *           ],
                     *           "dimension": "t-NOx",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "tonnes of nitrogen oxides"
                     *         },
                     *         {
                     *           "code": "kg-NOx",
                     *           "zh": "千克氮氧化物",
                     *           "aliases": [
                     *             "kg NOx",
                     *             "kgNOx"
                     *           ],
                     *           "dimension": "t-NOx",
                     *           "scale": "0.001",
                     *           "prefixable": true,
                     *           "description": "tonnes of nitrogen oxides"
                     *         },
                     *         {
                     *           "code": "g-NOx",
                     *           "zh": "克氮氧化物",
                     *           "aliases": [
                     *             "g NOx"
                     *           ],
                     *           "dimension": "t-NOx",
                     *           "scale": "0.000001",
                     *           "prefixable": true,
                     *           "description": "tonnes of nitrogen oxides"
                     *         },
                     *         {
                     *           "code": "t-COD",
                     *           "zh": "吨化学需氧量",
                     *           "aliases": [
                     *             "t COD",
                     *             "tCOD"
                     *           ],
                     *           "dimension": "t-COD",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "tonnes of chemical oxygen demand"
                     *         },
                     *         {
                     *           "code": "kg-COD",
                     *           "zh": "千克化学需氧量",
                     *           "aliases": [
                     *             "kg COD",
                     *             "kgCOD"
                     *           ],
                     *           "dimension": "t-COD",
                     *           "scale": "0.001",
                     *           "prefixable": true,
                     *           "description": "tonnes of chemical oxygen demand"
                     *         },
                     *         {
                     *           "code": "g-COD",
                     *           "zh": "克化学需氧量",
                     *           "aliases": [
                     *             "g COD"
                     *           ],
                     *           "dimension": "t-COD",
                     *           "scale": "0.000001",
                     *           "prefixable": true,
                     *           "description": "tonnes of chemical oxygen demand"
                     *         },
                     *         {
                     *           "code": "t-NH3N",
                     *           "zh": "吨氨氮",
                     *           "aliases": [
                     *             "t NH3N",
                     *             "tNH3N"
                     *           ],
                     *           "dimension": "t-NH3N",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "tonnes of ammonia nitrogen"
                     *         },
                     *         {
                     *           "code": "kg-NH3N",
                     *           "zh": "千克氨氮",
                     *           "aliases": [
                     *             "kg NH3N",
                     *             "kgNH3N"
                     *           ],
                     *           "dimension": "t-NH3N",
                     *           "scale": "0.001",
                     *           "prefixable": true,
                     *           "description": "tonnes of ammonia nitrogen"
                     *         },
                     *         {
                     *           "code": "g-NH3N",
                     *           "zh": "克氨氮",
                     *           "aliases": [
                     *             "g NH3N"
                     *           ],
                     *           "dimension": "t-NH3N",
                     *           "scale": "0.000001",
                     *           "prefixable": true,
                     *           "description": "tonnes of ammonia nitrogen"
                     *         },
                     *         {
                     *           "code": "t-dust",
                     *           "zh": "吨烟粉尘",
                     *           "aliases": [
                     *             "t dust",
                     *             "tdust"
                     *           ],
                     *           "dimension": "t-dust",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "tonnes of smoke and dust"
                     *         },
                     *         {
                     *           "code": "kg-dust",
                     *           "zh": "千克烟粉尘",
                     *           "aliases": [
                     *             "kg dust",
                     *             "kgdust"
                     *           ],
                     *           "dimension": "t-dust",
                     *           "scale": "0.001",
                     *           "prefixable": true,
                     *           "description": "tonnes of smoke and dust"
                     *         },
                     *         {
                     *           "code": "g-dust",
                     *           "zh": "克烟粉尘",
                     *           "aliases": [
                     *             "g dust"
                     *           ],
                     *           "dimension": "t-dust",
                     *           "scale": "0.000001",
                     *           "prefixable": true,
                     *           "description": "tonnes of smoke and dust"
                     *         },
                     *         {
                     *           "code": "tce",
                     *           "zh": "吨标准煤",
                     *           "aliases": [
                     *             "t-ce"
                     *           ],
                     *           "dimension": "tce",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "tonne of coal equivalent"
                     *         },
                     *         {
                     *           "code": "mg/L",
                     *           "zh": "毫克/升",
                     *           "aliases": [
                     *             "mg/l"
                     *           ],
                     *           "dimension": "t/m3",
                     *           "scale": "0.000001",
                     *           "prefixable": false,
                     *           "description": "concentration: 1 mg/L = 1 g/m³, so mg/L × m³ gives a mass (1e-6 t per m³)"
                     *         },
                     *         {
                     *           "code": "J",
                     *           "zh": "焦耳",
                     *           "aliases": [
                     *             "焦"
                     *           ],
                     *           "dimension": "kWh",
                     *           "scale": "1/3600000",
                     *           "prefixable": true,
                     *           "description": "joule = 1/3 600 000 kWh"
                     *         },
                     *         {
                     *           "code": "kJ",
                     *           "zh": "千焦",
                     *           "aliases": [],
                     *           "dimension": "kWh",
                     *           "scale": "1/3600",
                     *           "prefixable": true,
                     *           "description": "kilojoule"
                     *         },
                     *         {
                     *           "code": "MJ",
                     *           "zh": "兆焦",
                     *           "aliases": [],
                     *           "dimension": "kWh",
                     *           "scale": "5/18",
                     *           "prefixable": true,
                     *           "description": "megajoule = 1/3.6 kWh"
                     *         },
                     *         {
                     *           "code": "GJ",
                     *           "zh": "吉焦",
                     *           "aliases": [],
                     *           "dimension": "kWh",
                     *           "scale": "2500/9",
                     *           "prefixable": true,
                     *           "description": "gigajoule"
                     *         },
                     *         {
                     *           "code": "kWh",
                     *           "zh": "千瓦时",
                     *           "aliases": [
                     *             "度",
                     *             "kW·h"
                     *           ],
                     *           "dimension": "kWh",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "kilowatt-hour (1 kWh = 3.6 MJ)"
                     *         },
                     *         {
                     *           "code": "eq",
                     *           "zh": "当量",
                     *           "aliases": [
                     *             "污染当量"
                     *           ],
                     *           "dimension": "eq",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "pollution equivalent (污染当量)"
                     *         },
                     *         {
                     *           "code": "visit",
                     *           "zh": "人次",
                     *           "aliases": [],
                     *           "dimension": "visit",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "visits (tourism, recreation)"
                     *         },
                     *         {
                     *           "code": "person",
                     *           "zh": "人",
                     *           "aliases": [],
                     *           "dimension": "person",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "people (rangers, residents)"
                     *         },
                     *         {
                     *           "code": "household",
                     *           "zh": "户",
                     *           "aliases": [],
                     *           "dimension": "household",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "households"
                     *         },
                     *         {
                     *           "code": "tree",
                     *           "zh": "株",
                     *           "aliases": [
                     *             "棵"
                     *           ],
                     *           "dimension": "tree",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "trees planted"
                     *         },
                     *         {
                     *           "code": "trip",
                     *           "zh": "次",
                     *           "aliases": [],
                     *           "dimension": "trip",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "trips, acts (a bus ride, a payment)"
                     *         },
                     *         {
                     *           "code": "step",
                     *           "zh": "步",
                     *           "aliases": [],
                     *           "dimension": "step",
                     *           "scale": "1",
                     *           "prefixable": true,
                     *           "description": "steps walked"
                     *         },
                     *         {
                     *           "code": "year",
                     *           "zh": "年",
                     *           "aliases": [],
                     *           "dimension": "year",
                     *           "scale": "1",
                     *           "prefixable": false,
                     *           "description": "year"
                     *         },
                     *         {
                     *           "code": "month",
                     *           "zh": "月",
                     *           "aliases": [],
                     *           "dimension": "year",
                     *           "scale": "1/12",
                     *           "prefixable": false,
                     *           "description": "month = 1/12 year"
                     *         },
                     *         {
                     *           "code": "1",
                     *           "zh": "",
                     *           "aliases": [
                     *             "one"
                     *           ],
                     *           "dimension": "1",
                     *           "scale": "1",
                     *           "prefixable": false,
                     *           "description": "a pure number (a ratio, a coefficient, points)"
                     *         },
                     *         {
                     *           "code": "percent",
                     *           "zh": "%",
                     *           "aliases": [
                     *             "%",
                     *             "百分比"
                     *           ],
                     *           "dimension": "1",
                     *           "scale": "1/100",
                     *           "prefixable": false,
                     *           "description": "percent: 1 % = 0.01"
                     *         },
                     *         {
                     *           "code": "permille",
                     *           "zh": "‰",
                     *           "aliases": [
                     *             "‰",
                     *             "千分比"
                     *           ],
                     *           "dimension": "1",
                     *           "scale": "1/1000",
                     *           "prefixable": false,
                     *           "description": "per mille: 1 ‰ = 0.001"
                     *         }
                     *       ],
                     *       "prefixes": [
                     *         {
                     *           "ascii": "wan-",
                     *           "zh": "万",
                     *           "scale": "10000"
                     *         },
                     *         {
                     *           "ascii": "yi-",
                     *           "zh": "亿",
                     *           "scale": "100000000"
                     *         }
                     *       ],
                     *       "dimensions": [
                     *         {
                     *           "code": "money",
                     *           "base": "元 (yuan)"
                     *         },
                     *         {
                     *           "code": "length",
                     *           "base": "米 (m)"
                     *         },
                     *         {
                     *           "code": "mass",
                     *           "base": "吨 (t)"
                     *         },
                     *         {
                     *           "code": "carbon",
                     *           "base": "吨碳 (t-C)"
                     *         },
                     *         {
                     *           "code": "co2",
                     *           "base": "吨二氧化碳 (t-CO2, also CO2 equivalent)"
                     *         },
                     *         {
                     *           "code": "o2",
                     *           "base": "吨氧气 (t-O2)"
                     *         },
                     *         {
                     *           "code": "drymatter",
                     *           "base": "吨干物质 (t-dm, NPP)"
                     *         },
                     *         {
                     *           "code": "nitrogen",
                     *           "base": "吨氮 (t-N)"
                     *         },
                     *         {
                     *           "code": "phosphorus",
                     *           "base": "吨磷 (t-P)"
                     *         },
                     *         {
                     *           "code": "so2",
                     *           "base": "吨二氧化硫 (t-SO2)"
                     *         },
                     *         {
                     *           "code": "nox",
                     *           "base": "吨氮氧化物 (t-NOx)"
                     *         },
                     *         {
                     *           "code": "cod",
                     *           "base": "吨化学需氧量 (t-COD)"
                     *         },
                     *         {
                     *           "code": "ammonia",
                     *           "base": "吨氨氮 (t-NH3N)"
                     *         },
                     *         {
                     *           "code": "dust",
                     *           "base": "吨烟粉尘 (t-dust)"
                     *         },
                     *         {
                     *           "code": "coal",
                     *           "base": "吨标准煤 (tce)"
                     *         },
                     *         {
                     *           "code": "energy",
                     *           "base": "千瓦时 (kWh)"
                     *         },
                     *         {
                     *           "code": "equivalent",
                     *           "base": "污染当量 (eq)"
                     *         },
                     *         {
                     *           "code": "visit",
                     *           "base": "人次 (visit)"
                     *         },
                     *         {
                     *           "code": "person",
                     *           "base": "人 (person)"
                     *         },
                     *         {
                     *           "code": "household",
                     *           "base": "户 (household)"
                     *         },
                     *         {
                     *           "code": "tree",
                     *           "base": "株 (tree)"
                     *         },
                     *         {
                     *           "code": "trip",
                     *           "base": "次 (trip)"
                     *         },
                     *         {
                     *           "code": "step",
                     *           "base": "步 (step)"
                     *         },
                     *         {
                     *           "code": "time",
                     *           "base": "年 (year)"
                     *         }
                     *       ],
                     *       "grammar": "a name (code, Chinese name or alias) with an optional 万/亿 (wan-/yi-) prefix; factors joined by *, × or ·; at most one /; powers as ^2 (m² and km² are names). Examples: yuan/t-CO2, mm×km2, 万元/亩, mg/L*m3, wan-kWh"
                     *     }
                     */
                    "application/json": components["schemas"]["UnitVocabulary"];
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
            /** @description The caller may not do this: this operation is for `bureau`, `recorder`, `bank`, `auditor`, a subject token (its own data). Problem types: `forbidden` */
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
}
