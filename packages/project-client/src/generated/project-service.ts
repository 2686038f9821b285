// This file is generated: do not edit it by hand.
// Source: specs/project-service.yaml
// Command: pnpm gen (openapi-typescript, configured in scripts/gen/generate.ts)

export interface paths {
    "/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getProjects"];
        put?: never;
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getOneProjectBase"];
        put: operations["updateProjectBase"];
        post?: never;
        delete: operations["deleteProject"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{uid}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["uploadProjectDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{uid}/documents/{document_uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getProjectDocument"];
        put?: never;
        post?: never;
        delete: operations["deleteProjectDocument"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{uid}/documents/{document_uid}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["downloadProjectDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{uid}/folders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createProjectFolder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{uid}/folders/{folder_uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getProjectFolder"];
        put?: never;
        post?: never;
        delete: operations["deleteProjectFolder"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{uid}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createProjectLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{uid}/links/{link_uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getProjectLink"];
        put?: never;
        post?: never;
        delete: operations["deleteProjectLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{uid}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getOneProjectSettings"];
        put: operations["updateProjectSettings"];
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
        BadRequestError: {
            code: string;
            message: string;
        };
        ConflictError: {
            code: string;
            message: string;
        };
        CreateProjectFolderRequestBody: {
            name: string;
        };
        CreateProjectLinkRequestBody: {
            description?: string;
            /** Format: uuid */
            folder_uid?: string;
            name: string;
            /** Format: uri */
            url: string;
        };
        CreateProjectRequestBody: {
            /** Format: date */
            announcement_date?: string;
            auditors?: components["schemas"]["UserInfo"][];
            autojoin_enabled?: boolean;
            /** @enum {string} */
            category?: "Active" | "Adopted" | "Archived" | "At-Large" | "Early Adoption" | "Emeritus" | "Graduated" | "Growth" | "Idle" | "Impact" | "Incubating" | "Kanister" | "Mature" | "Pre-LFESS" | "Sandbox" | "SIG" | "Standards" | "TAC" | "Working Group" | "TAG" | "NONE";
            /** Format: uri */
            charter_url?: string;
            description: string;
            /** Format: date */
            entity_dissolution_date?: string;
            /** Format: uri */
            entity_formation_document_url?: string;
            executive_director?: components["schemas"]["UserInfo"];
            /** Format: date */
            formation_date?: string;
            /** @enum {string} */
            funding?: "Funded" | "Unfunded" | "Supported by Parent Project";
            funding_model?: ("Crowdfunding" | "Membership" | "Alternate Funding")[];
            is_foundation?: boolean;
            legal_entity_name?: string;
            /** @enum {string} */
            legal_entity_type?: "Subproject" | "Incorporated Entity" | "Series LLC" | "Unofficial Subproject" | "Internal Allocation" | "None";
            /** Format: uuid */
            legal_parent_uid?: string;
            /** Format: uri */
            logo_url?: string;
            meeting_coordinators?: components["schemas"]["UserInfo"][];
            mission_statement?: string;
            name: string;
            opportunity_owner?: components["schemas"]["UserInfo"];
            parent_uid: string;
            program_manager?: components["schemas"]["UserInfo"];
            public?: boolean;
            /** Format: uri */
            repository_url?: string;
            /** Format: regexp */
            slug: string;
            /** @enum {string} */
            stage?: "Formation - Exploratory" | "Formation - Engaged" | "Active" | "Archived" | "Formation - On Hold" | "Formation - Disengaged" | "Formation - Confidential" | "Prospect";
            /** Format: uri */
            website_url?: string;
            writers?: components["schemas"]["UserInfo"][];
        };
        GetProjectsResponseBody: {
            projects: components["schemas"]["ProjectFull"][];
        };
        InternalServerError: {
            code: string;
            message: string;
        };
        InviteInfo: {
            email?: string;
            /** Format: date-time */
            expires_at?: string;
            uid?: string;
        };
        NotFoundError: {
            code: string;
            message: string;
        };
        ProjectBase: {
            autojoin_enabled?: boolean;
            /** @enum {string} */
            category?: "Active" | "Adopted" | "Archived" | "At-Large" | "Early Adoption" | "Emeritus" | "Graduated" | "Growth" | "Idle" | "Impact" | "Incubating" | "Kanister" | "Mature" | "Pre-LFESS" | "Sandbox" | "SIG" | "Standards" | "TAC" | "Working Group" | "TAG" | "NONE";
            /** Format: uri */
            charter_url?: string;
            /** Format: date-time */
            created_at?: string;
            description?: string;
            /** Format: date */
            entity_dissolution_date?: string;
            /** Format: uri */
            entity_formation_document_url?: string;
            /** Format: date */
            formation_date?: string;
            /** @enum {string} */
            funding?: "Funded" | "Unfunded" | "Supported by Parent Project";
            funding_model?: ("Crowdfunding" | "Membership" | "Alternate Funding")[];
            is_foundation?: boolean;
            legal_entity_name?: string;
            /** @enum {string} */
            legal_entity_type?: "Subproject" | "Incorporated Entity" | "Series LLC" | "Unofficial Subproject" | "Internal Allocation" | "None";
            /** Format: uuid */
            legal_parent_uid?: string;
            /** Format: uri */
            logo_url?: string;
            name?: string;
            parent_uid?: string;
            public?: boolean;
            /** Format: uri */
            repository_url?: string;
            /** Format: regexp */
            slug?: string;
            /** @enum {string} */
            stage?: "Formation - Exploratory" | "Formation - Engaged" | "Active" | "Archived" | "Formation - On Hold" | "Formation - Disengaged" | "Formation - Confidential" | "Prospect";
            /** Format: uuid */
            uid?: string;
            /** Format: date-time */
            updated_at?: string;
            /** Format: uri */
            website_url?: string;
        };
        ProjectDocument: {
            content_type?: string;
            /** Format: date-time */
            created_at?: string;
            created_by?: components["schemas"]["UserInfo"];
            description?: string;
            file_name?: string;
            /** Format: int64 */
            file_size?: number;
            /** Format: uuid */
            folder_uid?: string;
            name?: string;
            /** Format: uuid */
            project_uid?: string;
            /** Format: uuid */
            uid?: string;
            /** Format: date-time */
            updated_at?: string;
            updated_by?: components["schemas"]["UserInfo"];
        };
        ProjectFolder: {
            /** Format: date-time */
            created_at?: string;
            created_by?: components["schemas"]["UserInfo"];
            name?: string;
            /** Format: uuid */
            project_uid?: string;
            /** Format: uuid */
            uid?: string;
            /** Format: date-time */
            updated_at?: string;
            updated_by?: components["schemas"]["UserInfo"];
        };
        ProjectFull: {
            /** Format: date */
            announcement_date?: string;
            auditors?: components["schemas"]["UserInfo"][];
            autojoin_enabled?: boolean;
            /** @enum {string} */
            category?: "Active" | "Adopted" | "Archived" | "At-Large" | "Early Adoption" | "Emeritus" | "Graduated" | "Growth" | "Idle" | "Impact" | "Incubating" | "Kanister" | "Mature" | "Pre-LFESS" | "Sandbox" | "SIG" | "Standards" | "TAC" | "Working Group" | "TAG" | "NONE";
            /** Format: uri */
            charter_url?: string;
            /** Format: date-time */
            created_at?: string;
            description?: string;
            /** Format: date */
            entity_dissolution_date?: string;
            /** Format: uri */
            entity_formation_document_url?: string;
            executive_director?: components["schemas"]["UserInfo"];
            /** Format: date */
            formation_date?: string;
            /** @enum {string} */
            funding?: "Funded" | "Unfunded" | "Supported by Parent Project";
            funding_model?: ("Crowdfunding" | "Membership" | "Alternate Funding")[];
            is_foundation?: boolean;
            legal_entity_name?: string;
            /** @enum {string} */
            legal_entity_type?: "Subproject" | "Incorporated Entity" | "Series LLC" | "Unofficial Subproject" | "Internal Allocation" | "None";
            /** Format: uuid */
            legal_parent_uid?: string;
            /** Format: uri */
            logo_url?: string;
            meeting_coordinators?: components["schemas"]["UserInfo"][];
            mission_statement?: string;
            name?: string;
            opportunity_owner?: components["schemas"]["UserInfo"];
            parent_uid?: string;
            program_manager?: components["schemas"]["UserInfo"];
            public?: boolean;
            /** Format: uri */
            repository_url?: string;
            /** Format: regexp */
            slug?: string;
            /** @enum {string} */
            stage?: "Formation - Exploratory" | "Formation - Engaged" | "Active" | "Archived" | "Formation - On Hold" | "Formation - Disengaged" | "Formation - Confidential" | "Prospect";
            /** Format: uuid */
            uid?: string;
            /** Format: date-time */
            updated_at?: string;
            /** Format: uri */
            website_url?: string;
            writers?: components["schemas"]["UserInfo"][];
        };
        ProjectLink: {
            /** Format: date-time */
            created_at?: string;
            created_by?: components["schemas"]["UserInfo"];
            description?: string;
            /** Format: uuid */
            folder_uid?: string;
            name?: string;
            /** Format: uuid */
            project_uid?: string;
            /** Format: uuid */
            uid?: string;
            /** Format: date-time */
            updated_at?: string;
            updated_by?: components["schemas"]["UserInfo"];
            /** Format: uri */
            url?: string;
        };
        ProjectSettings: {
            /** Format: date */
            announcement_date?: string;
            auditors?: components["schemas"]["UserInfo"][];
            /** Format: date-time */
            created_at?: string;
            executive_director?: components["schemas"]["UserInfo"];
            meeting_coordinators?: components["schemas"]["UserInfo"][];
            mission_statement?: string;
            opportunity_owner?: components["schemas"]["UserInfo"];
            program_manager?: components["schemas"]["UserInfo"];
            /** Format: uuid */
            uid?: string;
            /** Format: date-time */
            updated_at?: string;
            writers?: components["schemas"]["UserInfo"][];
        };
        ServiceUnavailableError: {
            code: string;
            message: string;
        };
        UpdateProjectBaseRequestBody: {
            autojoin_enabled?: boolean;
            /** @enum {string} */
            category?: "Active" | "Adopted" | "Archived" | "At-Large" | "Early Adoption" | "Emeritus" | "Graduated" | "Growth" | "Idle" | "Impact" | "Incubating" | "Kanister" | "Mature" | "Pre-LFESS" | "Sandbox" | "SIG" | "Standards" | "TAC" | "Working Group" | "TAG" | "NONE";
            /** Format: uri */
            charter_url?: string;
            description: string;
            /** Format: date */
            entity_dissolution_date?: string;
            /** Format: uri */
            entity_formation_document_url?: string;
            /** Format: date */
            formation_date?: string;
            /** @enum {string} */
            funding?: "Funded" | "Unfunded" | "Supported by Parent Project";
            funding_model?: ("Crowdfunding" | "Membership" | "Alternate Funding")[];
            is_foundation?: boolean;
            legal_entity_name?: string;
            /** @enum {string} */
            legal_entity_type?: "Subproject" | "Incorporated Entity" | "Series LLC" | "Unofficial Subproject" | "Internal Allocation" | "None";
            /** Format: uuid */
            legal_parent_uid?: string;
            /** Format: uri */
            logo_url?: string;
            name: string;
            parent_uid: string;
            public?: boolean;
            /** Format: uri */
            repository_url?: string;
            /** Format: regexp */
            slug: string;
            /** @enum {string} */
            stage?: "Formation - Exploratory" | "Formation - Engaged" | "Active" | "Archived" | "Formation - On Hold" | "Formation - Disengaged" | "Formation - Confidential" | "Prospect";
            /** Format: uri */
            website_url?: string;
        };
        UpdateProjectSettingsRequestBody: {
            /** Format: date */
            announcement_date?: string;
            auditors?: components["schemas"]["UserInfo"][];
            executive_director?: components["schemas"]["UserInfo"];
            meeting_coordinators?: components["schemas"]["UserInfo"][];
            mission_statement?: string;
            opportunity_owner?: components["schemas"]["UserInfo"];
            program_manager?: components["schemas"]["UserInfo"];
            writers?: components["schemas"]["UserInfo"][];
        };
        UploadProjectDocumentPayload: {
            content_type: string;
            description?: string;
            /** Format: binary */
            file: Blob;
            file_name: string;
            /** Format: uuid */
            folder_uid?: string;
            name: string;
        };
        UserInfo: {
            avatar?: string;
            email?: string;
            invite?: components["schemas"]["InviteInfo"];
            name?: string;
            username?: string;
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
    getProjects: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetProjectsResponseBody"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    createProject: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: {
                "X-Sync"?: boolean;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProjectRequestBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectFull"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    getOneProjectBase: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: never;
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectBase"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    updateProjectBase: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: {
                "X-Sync"?: boolean;
                "If-Match"?: string;
            };
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProjectBaseRequestBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectBase"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    deleteProject: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: {
                "X-Sync"?: boolean;
                "If-Match"?: string;
            };
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    uploadProjectDocument: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: {
                "X-Sync"?: boolean;
            };
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadProjectDocumentPayload"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDocument"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    getProjectDocument: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: never;
            path: {
                uid: string;
                document_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDocument"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    deleteProjectDocument: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: {
                "X-Sync"?: boolean;
                "If-Match"?: string;
            };
            path: {
                uid: string;
                document_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    downloadProjectDocument: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: never;
            path: {
                uid: string;
                document_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Blob;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    createProjectFolder: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: {
                "X-Sync"?: boolean;
            };
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProjectFolderRequestBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectFolder"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    getProjectFolder: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: never;
            path: {
                uid: string;
                folder_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectFolder"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    deleteProjectFolder: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: {
                "X-Sync"?: boolean;
                "If-Match"?: string;
            };
            path: {
                uid: string;
                folder_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    createProjectLink: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: {
                "X-Sync"?: boolean;
            };
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProjectLinkRequestBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectLink"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    getProjectLink: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: never;
            path: {
                uid: string;
                link_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectLink"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    deleteProjectLink: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: {
                "X-Sync"?: boolean;
                "If-Match"?: string;
            };
            path: {
                uid: string;
                link_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    getOneProjectSettings: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: never;
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectSettings"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    updateProjectSettings: {
        parameters: {
            query?: {
                v?: "1";
            };
            header?: {
                "X-Sync"?: boolean;
                "If-Match"?: string;
            };
            path: {
                uid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProjectSettingsRequestBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectSettings"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalServerError"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
}
