// Generated from the intake service's OpenAPI document by apps/web/scripts/generate-api-types.mjs. Do not edit.
export interface paths {
    "/api/v1/intake/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ReceiveComplaintHttpController_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/intake/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ImportExportHttpController_upload"];
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
        CategoryDto: {
            /** @example 7011 */
            id?: string;
            /** @example Jalan Berlubang */
            name?: string;
        };
        ReceiveComplaintRequestDto: {
            /**
             * @description Anonim: the reporter is hidden from units
             * @default false
             */
            anonymous: boolean;
            category?: components["schemas"]["CategoryDto"];
            /**
             * @description Sumber Laporan / sub-channel, e.g. "Lapor AA Bupati"
             * @example Lapor AA Bupati
             */
            channel?: string;
            /** @enum {string} */
            classification?: "Pengaduan Berkadar Pengawasan" | "Pengaduan Tidak Berkadar Pengawasan" | "Aspirasi" | "Permintaan Informasi";
            /**
             * @description Rahasia: the content is hidden from the public
             * @default false
             */
            confidential: boolean;
            /**
             * @description Id in the sending system (LAPOR! Tracking ID, WhatsApp message id, ...)
             * @example wa-20261007-0001
             */
            externalId: string;
            /** @example Desa Kedungpengawas, Kecamatan Babelan */
            locationText?: string;
            /**
             * @description high for reports forwarded with a priority flag
             * @enum {string}
             */
            priority?: "normal" | "high";
            /**
             * @description When the citizen sent it (RFC 3339); now when absent
             * @example 2026-10-07T10:20:35+07:00
             */
            receivedAt?: string;
            reporter?: components["schemas"]["ReporterDto"];
            /**
             * @example whatsapp
             * @enum {string}
             */
            source: "lapor-webhook" | "whatsapp" | "web-form" | "call-centre" | "other";
            /** @example Lubang besar di Jalan Raya Babelan dekat pertigaan Kedungpengawas makin dalam. */
            text: string;
            /** @example Jalan berlubang di Jalan Raya Babelan */
            title?: string;
        };
        ReceiveComplaintResponseDto: {
            /** Format: uuid */
            complaintId: string;
            /** @description true when this (source, externalId) had already been received: nothing new was stored */
            duplicate: boolean;
            /** @description The earlier complaint this one likely duplicates (flagged, not merged) */
            likelyDuplicateOf?: Record<string, never> | null;
            /** @example BKS-2026-000123 */
            trackingId: string;
        };
        ReporterDto: {
            /** @example budi@contoh.id */
            email?: string;
            /** @example Budi Santoso */
            name?: string;
            /**
             * @description NIK, 16 digits
             * @example 3216990101900001
             */
            nik?: string;
            /** @example 0812-0000-0101 */
            phone?: string;
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
    ReceiveComplaintHttpController_receive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiveComplaintRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiveComplaintResponseDto"];
                };
            };
            /** @description Too many requests from this source */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ImportExportHttpController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Counts: imported, duplicates, rejected rows with their row numbers and reasons */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The file exceeds IMPORT_MAX_FILE_MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
