/**
 * What every module that dials must ask before offering a number: the do-not-call lists (global and per
 * client). The contacts module implements it; callers see only this interface.
 */
package org.switchboard.core.calling;
