"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionEntity = void 0;
const typeorm_1 = require("typeorm");
const columns_1 = require("../../db/columns");
const account_entity_1 = require("../account/account.entity");
let SessionEntity = class SessionEntity {
    id;
    accountId;
    account;
    /** SHA-256 (hex) of the token the client holds; the token itself is never stored. */
    tokenHash;
    createdAt;
    lastActiveAt;
    /** Sliding expiry, pushed forward on activity but never past absoluteExpiresAt. */
    expiresAt;
    absoluteExpiresAt;
    userAgent;
    deviceType;
    browser;
    os;
    ipAddress;
    location;
    /** PASSWORD, or MFA once a second factor was presented. */
    mfaLevel;
    reauthenticatedAt;
    revokedAt;
    revokedReason;
};
exports.SessionEntity = SessionEntity;
__decorate([
    (0, columns_1.IdColumn)(),
    __metadata("design:type", String)
], SessionEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)('ix_sessions_account'),
    (0, typeorm_1.Column)({ name: 'account_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], SessionEntity.prototype, "accountId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => account_entity_1.AccountEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'account_id', foreignKeyConstraintName: 'fk_sessions_account' }),
    __metadata("design:type", account_entity_1.AccountEntity)
], SessionEntity.prototype, "account", void 0);
__decorate([
    (0, typeorm_1.Index)('uq_sessions_token_hash', { unique: true }),
    (0, typeorm_1.Column)({ name: 'token_hash', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], SessionEntity.prototype, "tokenHash", void 0);
__decorate([
    (0, columns_1.DateColumn)({ name: 'created_at' }),
    __metadata("design:type", Date)
], SessionEntity.prototype, "createdAt", void 0);
__decorate([
    (0, columns_1.DateColumn)({ name: 'last_active_at' }),
    __metadata("design:type", Date)
], SessionEntity.prototype, "lastActiveAt", void 0);
__decorate([
    (0, columns_1.DateColumn)({ name: 'expires_at' }),
    __metadata("design:type", Date)
], SessionEntity.prototype, "expiresAt", void 0);
__decorate([
    (0, columns_1.DateColumn)({ name: 'absolute_expires_at' }),
    __metadata("design:type", Date)
], SessionEntity.prototype, "absoluteExpiresAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'user_agent', type: 'varchar', length: 512, nullable: true }),
    __metadata("design:type", String)
], SessionEntity.prototype, "userAgent", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'device_type', type: 'varchar', length: 32, nullable: true }),
    __metadata("design:type", String)
], SessionEntity.prototype, "deviceType", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, nullable: true }),
    __metadata("design:type", String)
], SessionEntity.prototype, "browser", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, nullable: true }),
    __metadata("design:type", String)
], SessionEntity.prototype, "os", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'ip_address', type: 'varchar', length: 45, nullable: true }),
    __metadata("design:type", String)
], SessionEntity.prototype, "ipAddress", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 128, nullable: true }),
    __metadata("design:type", String)
], SessionEntity.prototype, "location", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'mfa_level', type: 'varchar', length: 16, default: 'PASSWORD' }),
    __metadata("design:type", String)
], SessionEntity.prototype, "mfaLevel", void 0);
__decorate([
    (0, columns_1.DateColumn)({ name: 'reauthenticated_at' }),
    __metadata("design:type", Date)
], SessionEntity.prototype, "reauthenticatedAt", void 0);
__decorate([
    (0, columns_1.DateColumn)({ name: 'revoked_at', nullable: true }),
    __metadata("design:type", Date)
], SessionEntity.prototype, "revokedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'revoked_reason', type: 'varchar', length: 32, nullable: true }),
    __metadata("design:type", String)
], SessionEntity.prototype, "revokedReason", void 0);
exports.SessionEntity = SessionEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'sessions' })
], SessionEntity);
