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
exports.AccountEntity = void 0;
const typeorm_1 = require("typeorm");
const columns_1 = require("../../db/columns");
let AccountEntity = class AccountEntity {
    id;
    /** The address as the person typed it, for display and mail. */
    email;
    /** Lower-cased address: uniqueness is case-insensitive on every driver. */
    emailNormalized;
    emailVerifiedAt;
    passwordHash;
    fullName;
    /** Stored lower-cased; unique when set. */
    username;
    phone;
    phoneVerifiedAt;
    timezone;
    locale;
    country;
    status;
    /** Changes with every new avatar, so its URL can be cached forever; null without one. */
    avatarVersion;
    mfaEnabled;
    createdAt;
    updatedAt;
};
exports.AccountEntity = AccountEntity;
__decorate([
    (0, columns_1.IdColumn)(),
    __metadata("design:type", String)
], AccountEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 254 }),
    __metadata("design:type", String)
], AccountEntity.prototype, "email", void 0);
__decorate([
    (0, typeorm_1.Index)('uq_accounts_email_normalized', { unique: true }),
    (0, typeorm_1.Column)({ name: 'email_normalized', type: 'varchar', length: 254 }),
    __metadata("design:type", String)
], AccountEntity.prototype, "emailNormalized", void 0);
__decorate([
    (0, columns_1.DateColumn)({ name: 'email_verified_at', nullable: true }),
    __metadata("design:type", Date)
], AccountEntity.prototype, "emailVerifiedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'password_hash', type: 'varchar', length: 255 }),
    __metadata("design:type", String)
], AccountEntity.prototype, "passwordHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'full_name', type: 'varchar', length: 100 }),
    __metadata("design:type", String)
], AccountEntity.prototype, "fullName", void 0);
__decorate([
    (0, typeorm_1.Index)('uq_accounts_username', { unique: true }),
    (0, typeorm_1.Column)({ type: 'varchar', length: 30, nullable: true }),
    __metadata("design:type", String)
], AccountEntity.prototype, "username", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16, nullable: true }),
    __metadata("design:type", String)
], AccountEntity.prototype, "phone", void 0);
__decorate([
    (0, columns_1.DateColumn)({ name: 'phone_verified_at', nullable: true }),
    __metadata("design:type", Date)
], AccountEntity.prototype, "phoneVerifiedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, default: 'UTC' }),
    __metadata("design:type", String)
], AccountEntity.prototype, "timezone", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16, default: 'en' }),
    __metadata("design:type", String)
], AccountEntity.prototype, "locale", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 2, nullable: true }),
    __metadata("design:type", String)
], AccountEntity.prototype, "country", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20, default: 'ACTIVE' }),
    __metadata("design:type", String)
], AccountEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'avatar_version', type: 'varchar', length: 16, nullable: true }),
    __metadata("design:type", String)
], AccountEntity.prototype, "avatarVersion", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'mfa_enabled', type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], AccountEntity.prototype, "mfaEnabled", void 0);
__decorate([
    (0, columns_1.DateColumn)({ name: 'created_at' }),
    __metadata("design:type", Date)
], AccountEntity.prototype, "createdAt", void 0);
__decorate([
    (0, columns_1.DateColumn)({ name: 'updated_at' }),
    __metadata("design:type", Date)
], AccountEntity.prototype, "updatedAt", void 0);
exports.AccountEntity = AccountEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'accounts' })
], AccountEntity);
