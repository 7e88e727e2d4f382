/** Settings and helpers shared by every module. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.microlearn.shared;
