package org.microlearn.config;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Transactions take a pooled connection only when their first statement runs. A launch whose
 * facts are all remembered (shared.RecentWrites) then costs no database round trip at all, where
 * an eager transaction would still switch autocommit off and on again (two round trips with
 * MariaDB's driver).
 */
@Configuration(proxyBeanMethods = false)
class LazyConnections {

    @Bean
    static BeanPostProcessor lazyConnectionDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof LazyConnectionDataSourceProxy)) {
                    return new LazyConnectionDataSourceProxy(dataSource);
                }
                return bean;
            }
        };
    }
}
