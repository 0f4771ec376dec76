/** Phone numbers in E.164, the only form Switchboard stores and compares (libphonenumber, default region RU). */
package org.switchboard.core.phones;
