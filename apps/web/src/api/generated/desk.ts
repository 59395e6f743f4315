// Generated from the desk service's OpenAPI document by apps/web/scripts/generate-api-types.mjs. Do not edit.
export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in; at most LOGIN_RATE_LIMIT attempts a minute per username and IP */
        post: operations["AuthHttpController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and what the UI offers them (landing screen, screens) */
        get: operations["AuthHttpController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reporter/tickets/{trackingId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Satisfied: close, optionally with a rating */
        post: operations["ReporterHttpController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reporter/tickets/{trackingId}/ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Satisfaction rating 1–5 of the answer */
        post: operations["ReporterHttpController_rate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reporter/tickets/{trackingId}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Not satisfied: back to the unit */
        post: operations["ReporterHttpController_reopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reporter/tickets/{trackingId}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The reporter's reply (resumes a ticket waiting for information) */
        post: operations["ReporterHttpController_reply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reporter/tickets/{trackingId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The reporter withdraws the report (Diarsipkan oleh Pelapor) */
        post: operations["ReporterHttpController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's inbox: tickets of their units, filtered and paged */
        get: operations["TicketsHttpController_inbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ticket with its history and the actions the caller may take now */
        get: operations["TicketsHttpController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Terima disposisi */
        post: operations["TicketsHttpController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Kirim tindak lanjut, with attachment metadata */
        post: operations["TicketsHttpController_postAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Arsipkan (spam, out of scope, duplicate, incomplete information) */
        post: operations["TicketsHttpController_archive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tutup laporan (admin, with a reason) */
        post: operations["TicketsHttpController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/disposition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Admin's disposisi from triage (or a correction before the unit acknowledged) */
        post: operations["TicketsHttpController_dispose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/info-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Minta kelengkapan informasi (the SLA clock pauses) */
        post: operations["TicketsHttpController_requestInfo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge a duplicate: archive this ticket as a duplicate of the one that carries on */
        post: operations["TicketsHttpController_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Internal note (audited, no status change) */
        post: operations["TicketsHttpController_addNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/reassignment-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bukan kewenangan: send back to routing with a reason */
        post: operations["TicketsHttpController_requestReassign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Buka kembali (admin on the reporter's behalf) */
        post: operations["TicketsHttpController_reopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/start-work": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mulai tindak lanjut */
        post: operations["TicketsHttpController_startWork"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Received and answered per week, overdue by unit: the leadership dashboard's counts, within the caller's units */
        get: operations["TicketStatsHttpController_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Units and the Asisten Daerah group over each */
        get: operations["UnitsHttpController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Move a unit to another Asisten Daerah group (configurable, not a published fact) */
        patch: operations["UnitsHttpController_update"];
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersHttpController_list"];
        put?: never;
        /** Create a user bound to a unit (officer, unit_head) or an Asda group (asda) */
        post: operations["UsersHttpController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's role, unit or Asda group (ends their sessions) */
        patch: operations["UsersHttpController_update"];
        trace?: never;
    };
    "/api/v1/users/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["UsersHttpController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset the password (ends their sessions) */
        post: operations["UsersHttpController_resetPassword"];
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
        AnswerDto: {
            /** @example Perbaikan jalan dijadwalkan minggu ini oleh UPTD wilayah. */
            answer: string;
            attachments?: components["schemas"]["AttachmentDto"][];
            /** @description Expected ticket version (alternative to the If-Match header) */
            version?: number;
        };
        ArchiveDto: {
            duplicateOfTicketId?: string;
            /** @enum {string} */
            kind: "spam" | "out_of_scope" | "duplicate" | "incomplete_information";
            reason: string;
            /** @description Expected ticket version (alternative to the If-Match header) */
            version?: number;
        };
        AttachmentDto: {
            /** @example image/jpeg */
            contentType: string;
            /** @example foto-perbaikan.jpg */
            fileName: string;
            /** @example 204800 */
            sizeBytes: number;
            /** @description Where the file is stored (desk keeps metadata only) */
            url?: Record<string, never>;
        };
        CreateUserDto: {
            /**
             * @description Required for asda
             * @enum {string}
             */
            asdaGroup?: "I" | "II" | "III";
            /** @example Petugas Dinas Sosial */
            displayName: string;
            password: string;
            /** @enum {string} */
            role: "admin" | "officer" | "unit_head" | "asda" | "sekda" | "bupati";
            /** @description Required for officer and unit_head */
            unitCode?: Record<string, never>;
            /** @example officer.dinsos */
            username: string;
        };
        DispositionDto: {
            reason?: string;
            /** @example SDABMBK */
            unitCode: string;
            /** @description Expected ticket version (alternative to the If-Match header) */
            version?: number;
        };
        EmptyCommandDto: {
            /** @description Expected ticket version (alternative to the If-Match header) */
            version?: number;
        };
        InfoRequestDto: {
            /** @example Mohon lengkapi titik lokasi (RT/RW) dan foto kondisi jalan. */
            question: string;
            /** @description Expected ticket version (alternative to the If-Match header) */
            version?: number;
        };
        LoginDto: {
            /** @example bekasi-demo-2026 */
            password: string;
            /** @example officer.dinsos */
            username: string;
        };
        MergeDto: {
            /** @description The ticket that carries on */
            duplicateOfTicketId: string;
            reason?: string;
            /** @description Expected ticket version (alternative to the If-Match header) */
            version?: number;
        };
        NoteDto: {
            /** @example Sudah koordinasi dengan UPTD wilayah. */
            note: string;
            /** @description Expected ticket version (alternative to the If-Match header) */
            version?: number;
        };
        ReasonDto: {
            /** @example Jalan provinsi, bukan kewenangan kabupaten. */
            reason: string;
            /** @description Expected ticket version (alternative to the If-Match header) */
            version?: number;
        };
        ReporterCloseDto: {
            rating?: number;
        };
        ReporterRatingDto: {
            rating: number;
        };
        ReporterReopenDto: {
            reason: string;
        };
        ReporterReplyDto: {
            message: string;
        };
        ReporterWithdrawDto: {
            reason?: string;
        };
        ResetPasswordDto: {
            password: string;
        };
        UpdateUnitDto: {
            /** @enum {string} */
            asdaGroup: "I" | "II" | "III";
        };
        UpdateUserDto: {
            /** @enum {string} */
            asdaGroup?: "I" | "II" | "III";
            displayName?: string;
            /** @enum {string} */
            role?: "admin" | "officer" | "unit_head" | "asda" | "sekda" | "bupati";
            unitCode?: Record<string, never>;
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
    AuthHttpController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthHttpController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReporterHttpController_close: {
        parameters: {
            query?: never;
            header: {
                "x-reporter-channel-token": string;
            };
            path: {
                trackingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReporterCloseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReporterHttpController_rate: {
        parameters: {
            query?: never;
            header: {
                "x-reporter-channel-token": string;
            };
            path: {
                trackingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReporterRatingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReporterHttpController_reopen: {
        parameters: {
            query?: never;
            header: {
                "x-reporter-channel-token": string;
            };
            path: {
                trackingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReporterReopenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReporterHttpController_reply: {
        parameters: {
            query?: never;
            header: {
                "x-reporter-channel-token": string;
            };
            path: {
                trackingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReporterReplyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReporterHttpController_withdraw: {
        parameters: {
            query?: never;
            header: {
                "x-reporter-channel-token": string;
            };
            path: {
                trackingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReporterWithdrawDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsHttpController_inbox: {
        parameters: {
            query?: {
                category?: string;
                kecamatan?: string;
                /** @description Open tickets with a deadline the sla service reported breached (sla.breached) */
                overdue?: boolean;
                page?: number;
                pageSize?: number;
                /** @description Text in title, complaint or tracking id */
                q?: string;
                /** @description One or more statuses (repeat or comma-separate) */
                status?: ("received" | "triage" | "assigned" | "acknowledged" | "in_progress" | "waiting_reporter" | "answered" | "reopened" | "reassign_requested" | "closed" | "archived")[];
                unitCode?: string;
            };
            header?: {
                /** @description Expected ticket version for commands (or `version` in the body) */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsHttpController_detail: {
        parameters: {
            query?: never;
            header?: {
                /** @description Expected ticket version for commands (or `version` in the body) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsHttpController_acknowledge: {
        parameters: {
            query?: never;
            header?: {
                /** @description Expected ticket version for commands (or `version` in the body) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmptyCommandDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsHttpController_postAnswer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Expected ticket version for commands (or `version` in the body) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsHttpController_archive: {
        parameters: {
            query?: never;
            header?: {
                /** @description Expected ticket version for commands (or `version` in the body) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ArchiveDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsHttpController_close: {
        parameters: {
            query?: never;
            header?: {
                /** @description Expected ticket version for commands (or `version` in the body) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsHttpController_dispose: {
        parameters: {
            query?: never;
            header?: {
                /** @description Expected ticket version for commands (or `version` in the body) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DispositionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsHttpController_requestInfo: {
        parameters: {
            query?: never;
            header?: {
                /** @description Expected ticket version for commands (or `version` in the body) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InfoRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsHttpController_merge: {
        parameters: {
            query?: never;
            header?: {
                /** @description Expected ticket version for commands (or `version` in the body) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsHttpController_addNote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Expected ticket version for commands (or `version` in the body) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsHttpController_requestReassign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Expected ticket version for commands (or `version` in the body) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsHttpController_reopen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Expected ticket version for commands (or `version` in the body) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsHttpController_startWork: {
        parameters: {
            query?: never;
            header?: {
                /** @description Expected ticket version for commands (or `version` in the body) */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmptyCommandDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketStatsHttpController_stats: {
        parameters: {
            query?: {
                asdaGroup?: "I" | "II" | "III";
                weeks?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnitsHttpController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnitsHttpController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUnitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersHttpController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersHttpController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersHttpController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersHttpController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersHttpController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
