"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mysqlMigrations = void 0;
const _1763800000000_initial_1 = require("./1763800000000-initial");
const _1763900000000_credentials_1 = require("./1763900000000-credentials");
/** MySQL / MariaDB migrations, oldest first. Keep in step with ../sqlite. */
exports.mysqlMigrations = [_1763800000000_initial_1.Initial1763800000000, _1763900000000_credentials_1.Credentials1763900000000];
