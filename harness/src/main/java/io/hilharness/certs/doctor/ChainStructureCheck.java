package io.hilharness.certs.doctor;

import static io.hilharness.certs.doctor.CertFacts.isCa;
import static io.hilharness.certs.doctor.CertFacts.label;
import static io.hilharness.certs.doctor.CertFacts.subject;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The shape of the chain as sent: leaf first, each certificate followed by its issuer, no copies, no strays. */
final class ChainStructureCheck implements CertCheck {

    static final String ID = "chain";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(DoctorInput input) {
        List<X509Certificate> chain = input.chain();
        List<Finding> findings = new ArrayList<>();
        Set<Integer> duplicates = duplicates(chain, findings);
        leafFirst(chain, findings);
        List<Integer> path = CertFacts.pathFromLeaf(chain);
        for (int m = 1; m < path.size(); m++) {
            int child = path.get(m - 1);
            int issuer = path.get(m);
            if (issuer != child + 1) {
                findings.add(Finding.error(ID, issuer, subject(chain.get(issuer)),
                        label(chain, issuer) + " issued #" + child + " but is sent at position " + issuer
                                + ", not right after it: TLS (RFC 5246 7.4.2) requires each certificate to be "
                                + "followed by its issuer, and strict clients reject a chain out of order",
                        "send the chain in order: the leaf, then its issuer, then that issuer's issuer"));
            }
        }
        for (int i = 1; i < chain.size(); i++) {
            if (!path.contains(i) && !duplicates.contains(i)) {
                findings.add(Finding.warning(ID, i, subject(chain.get(i)),
                        label(chain, i) + " is not on the leaf's path (it issued nothing in this chain); "
                                + "clients ignore it at best and it costs handshake bytes",
                        "remove it from the chain the server sends"));
            }
        }
        int last = path.get(path.size() - 1);
        if (path.size() > 1 && CertFacts.selfSigned(chain.get(last))) {
            findings.add(Finding.info(ID, last, subject(chain.get(last)), label(chain, last)
                    + " is the self-signed root; clients use their own copy, so sending it only costs "
                    + CertFacts.der(chain.get(last)).length + " bytes"));
        }
        return findings;
    }

    private static Set<Integer> duplicates(List<X509Certificate> chain, List<Finding> findings) {
        Set<Integer> duplicates = new HashSet<>();
        for (int j = 1; j < chain.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (CertFacts.sameCertificate(chain.get(i), chain.get(j))) {
                    duplicates.add(j);
                    findings.add(Finding.warning(ID, j, subject(chain.get(j)),
                            "#" + j + " is a second copy of " + label(chain, i)
                                    + "; some clients reject a chain with duplicates and it wastes board memory",
                            "send each certificate once"));
                    break;
                }
            }
        }
        return duplicates;
    }

    private static void leafFirst(List<X509Certificate> chain, List<Finding> findings) {
        if (!isCa(chain.get(0))) {
            return;
        }
        for (int k = 1; k < chain.size(); k++) {
            X509Certificate candidate = chain.get(k);
            int index = k;
            boolean issuesNothing = chain.stream().noneMatch(c -> c != candidate && CertFacts.issued(candidate, c));
            if (!isCa(candidate) && issuesNothing) {
                findings.add(Finding.error(ID, 0, subject(chain.get(0)),
                        "#0 is a CA certificate but " + label(chain, index)
                                + " is the server's own certificate: clients take the first certificate as the "
                                + "server's, so the leaf must come first",
                        "put the leaf first in the chain file, followed by its intermediates"));
                return;
            }
        }
    }
}
