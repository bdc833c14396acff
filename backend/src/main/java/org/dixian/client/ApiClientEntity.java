package org.dixian.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

@Entity
@Table(name = "api_client")
public class ApiClientEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "client_id")
    public String clientId;
    public String name;
    @Column(name = "secret_hash")
    public String secretHash;
    @Column(name = "region_code", columnDefinition = "bpchar")
    public String regionCode;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> scopes;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public ClientStatus status;
    @Column(name = "request_key")
    public String requestKey;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public Long createdBy;

    public ApiClient view() {
        return new ApiClient(clientId, name, regionCode, List.copyOf(scopes), status, createdAt);
    }
}
