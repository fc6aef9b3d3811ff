# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_review_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QGridLayout, QGroupBox, QHeaderView, QLabel,
    QLineEdit, QSizePolicy, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget)

class Ui_PlanReviewDialog(object):
    def setupUi(self, PlanReviewDialog):
        if not PlanReviewDialog.objectName():
            PlanReviewDialog.setObjectName(u"PlanReviewDialog")
        PlanReviewDialog.resize(980, 640)
        PlanReviewDialog.setModal(True)
        self.main_layout = QVBoxLayout(PlanReviewDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.summary_label = QLabel(PlanReviewDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.main_layout.addWidget(self.summary_label)

        self.decision_group = QGroupBox(PlanReviewDialog)
        self.decision_group.setObjectName(u"decision_group")
        self.decision_layout = QGridLayout(self.decision_group)
        self.decision_layout.setObjectName(u"decision_layout")
        self.number_label = QLabel(self.decision_group)
        self.number_label.setObjectName(u"number_label")

        self.decision_layout.addWidget(self.number_label, 0, 0, 1, 1)

        self.number_edit = QLineEdit(self.decision_group)
        self.number_edit.setObjectName(u"number_edit")

        self.decision_layout.addWidget(self.number_edit, 0, 1, 1, 1)

        self.date_label = QLabel(self.decision_group)
        self.date_label.setObjectName(u"date_label")

        self.decision_layout.addWidget(self.date_label, 0, 2, 1, 1)

        self.date_edit = QLineEdit(self.decision_group)
        self.date_edit.setObjectName(u"date_edit")

        self.decision_layout.addWidget(self.date_edit, 0, 3, 1, 1)

        self.issuer_label = QLabel(self.decision_group)
        self.issuer_label.setObjectName(u"issuer_label")

        self.decision_layout.addWidget(self.issuer_label, 1, 0, 1, 1)

        self.issuer_edit = QLineEdit(self.decision_group)
        self.issuer_edit.setObjectName(u"issuer_edit")

        self.decision_layout.addWidget(self.issuer_edit, 1, 1, 1, 1)

        self.signer_label = QLabel(self.decision_group)
        self.signer_label.setObjectName(u"signer_label")

        self.decision_layout.addWidget(self.signer_label, 1, 2, 1, 1)

        self.signer_edit = QLineEdit(self.decision_group)
        self.signer_edit.setObjectName(u"signer_edit")

        self.decision_layout.addWidget(self.signer_edit, 1, 3, 1, 1)


        self.main_layout.addWidget(self.decision_group)

        self.tree = QTreeWidget(PlanReviewDialog)
        self.tree.setObjectName(u"tree")
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)

        self.main_layout.addWidget(self.tree)

        self.status_label = QLabel(PlanReviewDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

        self.button_box = QDialogButtonBox(PlanReviewDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.NoButton)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.number_label.setBuddy(self.number_edit)
        self.date_label.setBuddy(self.date_edit)
        self.issuer_label.setBuddy(self.issuer_edit)
        self.signer_label.setBuddy(self.signer_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanReviewDialog)
    # setupUi

    def retranslateUi(self, PlanReviewDialog):
        PlanReviewDialog.setWindowTitle(QCoreApplication.translate("PlanReviewDialog", u"Xem l\u1ea1i k\u1ebf ho\u1ea1ch tr\u01b0\u1edbc khi nh\u1eadp", None))
        self.summary_label.setText(QCoreApplication.translate("PlanReviewDialog", u"T\u1ec7p k\u1ebf ho\u1ea1ch", None))
        self.decision_group.setTitle(QCoreApplication.translate("PlanReviewDialog", u"V\u0103n b\u1ea3n ban h\u00e0nh k\u1ebf ho\u1ea1ch: quy\u1ebft \u0111\u1ecbnh, ho\u1eb7c ch\u00ednh k\u1ebf ho\u1ea1ch (\u0111i\u1ec1n nh\u1eefng \u00f4 t\u1ec7p kh\u00f4ng c\u00f3)", None))
        self.number_label.setText(QCoreApplication.translate("PlanReviewDialog", u"S\u1ed1, k\u00fd hi\u1ec7u:", None))
        self.number_edit.setPlaceholderText(QCoreApplication.translate("PlanReviewDialog", u"v\u00ed d\u1ee5 125/Q\u0110-UBND ho\u1eb7c 02/KH-UBND", None))
        self.date_label.setText(QCoreApplication.translate("PlanReviewDialog", u"Ng\u00e0y k\u00fd:", None))
        self.date_edit.setPlaceholderText(QCoreApplication.translate("PlanReviewDialog", u"ng\u00e0y/th\u00e1ng/n\u0103m", None))
        self.issuer_label.setText(QCoreApplication.translate("PlanReviewDialog", u"C\u01a1 quan ban h\u00e0nh:", None))
        self.issuer_edit.setPlaceholderText(QCoreApplication.translate("PlanReviewDialog", u"v\u00ed d\u1ee5 UBND x\u00e3 Minh S\u01a1n", None))
        self.signer_label.setText(QCoreApplication.translate("PlanReviewDialog", u"Ng\u01b0\u1eddi k\u00fd:", None))
        self.signer_edit.setPlaceholderText(QCoreApplication.translate("PlanReviewDialog", u"h\u1ecd v\u00e0 t\u00ean", None))
        ___qtreewidgetitem = self.tree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("PlanReviewDialog", u"Th\u1eddi gian th\u1ef1c hi\u1ec7n", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("PlanReviewDialog", u"C\u01a1 quan th\u1ef1c hi\u1ec7n", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("PlanReviewDialog", u"N\u1ed9i dung t\u00ecm th\u1ea5y", None))
        self.status_label.setText("")
    # retranslateUi

