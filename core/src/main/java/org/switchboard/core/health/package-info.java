/** MicroProfile Health checks; WildFly serves them on the management port ({@code :9990/health/ready}). */
package org.switchboard.core.health;
