/** Public holidays: the days outbound calling is closed and after-sales greetings are planned from. */
package org.switchboard.core.holidays;
