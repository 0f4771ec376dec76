/**
 * The module SPI: how a feature module tells the platform that it is there, what it builds on,
 * where its schema lives and what it adds to the navigation. Modules are discovered with CDI, so a
 * module left out of the package is simply absent.
 */
package org.switchboard.core.module;
