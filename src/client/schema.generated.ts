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
        /** The district a key belongs to */
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
        /** An allocation as it was run; with recompute=true, run again from its stored version and inputs and say whether it matches to the fen */
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
        /** The banks of the district a subject can give consent to */
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
        /** Benefits of the district, with what is left of each */
        get: operations["listBenefits"];
        put?: never;
        /** Register a benefit that points can buy */
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
        /** Consents: a subject sees its own, a bank those given to it, the bureau and auditors all */
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
        /** Withdraw a consent at once */
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
        /** The red list (守信激励) and black list (失信惩戒) of the district */
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
        /** Create or update a GEP accounting unit (a district, town, plot or project) */
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
        /** GEP eco-loan products in force, with their conditions, pledge ratios, caps and rate table */
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
        /** The subject named by the caller’s own token */
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
        /** Objections: a subject sees its own; the bureau sees all, e.g. the overdue ones */
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
        /** Answer an objection: uphold it (the event is reversed) or reject it with a reason */
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
        /** Take back what is left of an award (never below a zero balance) */
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
        /** Points issued, redeemed, expired and reversed per action code and month */
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
        /** Who read a subject’s data: a subject sees its own log, auditors all */
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
        /** One stored version with its source */
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
        /** Run a draft (or any version) on given inputs, or on the last run’s, without storing anything */
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
        /** The history of a rule set: every stored version, newest first */
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
        /** Subjects of the district, oldest first, a page at a time */
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
        /** A subject's credit file, in the order it was recorded */
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
        /** A holder’s points: balance, pending, expiring in 30 days, recent history, benefits on offer */
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
        /** Every change to a holder’s points, oldest first, with its reason */
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
        /** Switch a data source on or off: awards from a source switched off are refused from then on */
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
        NotReady: components["schemas"]["Problem"] & {
            checks: {
                detail: string;
                /** @enum {string} */
                name: "database" | "migrations" | "signingKeys";
                ok: boolean;
            }[];
        };
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
            status: number;
            title: string;
            /** Format: uri */
            type: string;
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
         *       "publishedBy": "system"
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
        RunAllocation: components["schemas"]["AllocationInput"] & {
            ruleSetId: string;
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
                    "application/json": components["schemas"]["Jwks"];
                };
            };
            /** @description No such resource in this district */
            404: {
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
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
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
                    "application/json": components["schemas"]["Allocation"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable */
            422: {
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
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
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
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
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
                    "application/json": {
                        items: components["schemas"]["Benefit"][];
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
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
                    "application/json": components["schemas"]["Benefit"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
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
                    "application/json": {
                        items: components["schemas"]["Consent"][];
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
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
                    "application/json": components["schemas"]["Consent"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
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
                    "application/json": components["schemas"]["Consent"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key */
            409: {
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
                    "application/json": components["schemas"]["RecordedCreditEvents"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
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
                    "application/json": components["schemas"]["Objection"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable */
            422: {
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
                    "application/json": components["schemas"]["CreditLists"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
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
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
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
                    "application/json": components["schemas"]["GepAccount"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
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
                    "application/json": {
                        recorded: number;
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
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
                    "application/json": components["schemas"]["GepLoanAssessment"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable */
            422: {
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
                    "application/json": {
                        items: components["schemas"]["LoanProduct"][];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
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
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
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
                /** @description Only open objections past their due date */
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
                    "application/json": {
                        items: components["schemas"]["Objection"][];
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
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
                    "application/json": components["schemas"]["Objection"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
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
                    "application/json": components["schemas"]["PointsAward"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable */
            422: {
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
                entryId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/json": components["schemas"]["PointsLedgerEntry"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable */
            422: {
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
                    "application/json": components["schemas"]["PointsRedemption"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable */
            422: {
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
                from: string;
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
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
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
                    "application/json": {
                        items: components["schemas"]["QueryLogEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
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
                    "application/json": components["schemas"]["SignedCreditReport"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable */
            422: {
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
                    "application/json": components["schemas"]["VerifiedCreditReport"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable */
            422: {
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
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
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
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
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
                versionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/json": {
                        /** @enum {string} */
                        inputsFrom: "given" | "last-run";
                        result: components["schemas"]["AllocationResult"];
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable */
            422: {
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
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable */
            422: {
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
                ruleSetId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/json": components["schemas"]["RuleSetDiff"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable */
            422: {
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
                    "application/json": components["schemas"]["ScorecardResult"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable */
            422: {
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
                    "application/json": {
                        items: components["schemas"]["RuleSetVersion"][];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
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
                    "application/json": components["schemas"]["RuleSetValidation"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable */
            422: {
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
                    "application/json": {
                        items: components["schemas"]["Subject"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
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
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the service accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
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
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
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
                    "application/json": {
                        items: components["schemas"]["CreditEvent"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
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
                    "application/json": components["schemas"]["CreditEvent"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state or with an earlier request under the same Idempotency-Key */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable */
            422: {
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
                    "application/json": components["schemas"]["CreditScore"];
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the content is not acceptable */
            422: {
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
                    "application/json": components["schemas"]["PointsAccount"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
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
                    "application/json": {
                        items: components["schemas"]["PointsLedgerEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
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
                    "application/json": {
                        changedAt: string;
                        enabled: boolean;
                        source: string;
                    };
                };
            };
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
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
            /** @description The request is malformed or a field is invalid; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this district */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON */
            415: {
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
