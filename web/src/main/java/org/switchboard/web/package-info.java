/** The one JAX-RS application of Switchboard; resources and providers come from the module jars. */
package org.switchboard.web;
