/** The product's password length policy, in code points (argon2 hashes every one). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 1024;
