/**
 * Conventions every module's API follows: JSON through one configured Jackson mapper, paged lists
 * ({@code page}, {@code size}, {@code sort} in; {@code items}, {@code total}, {@code page}, {@code size} out),
 * and validation of request bodies that fails as a problem document.
 */
package org.switchboard.core.api;
