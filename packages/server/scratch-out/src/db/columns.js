"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IdColumn = IdColumn;
exports.newId = newId;
exports.DateColumn = DateColumn;
const typeorm_1 = require("typeorm");
const ids_1 = require("../lib/ids");
/** UUIDv7 primary key, assigned in code so both drivers store the same 36-character string. */
function IdColumn() {
    return (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 });
}
function newId() {
    return (0, ids_1.uuidv7)();
}
/** Millisecond date-time; `datetime(3)` on MySQL, text on SQLite. */
function DateColumn(options = {}) {
    return (0, typeorm_1.Column)({ type: 'datetime', precision: 3, ...options });
}
